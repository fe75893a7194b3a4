package org.elicence.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.infra.KafkaTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A record that stops the service each time it is handled, as a native library crashing on a crafted image or the
 * kernel's OOM killer would: photo-audit-service is killed with SIGKILL while it handles CHEN Jing's audit request,
 * three times, and started again after each. Without a count of such deliveries the fourth start would be handed
 * the same record and die again, for ever, and every application on that partition would wait with it. With it the
 * record is dead-lettered, the service lives, the sweep hands the application back to the applicant with a notice,
 * and her next upload reaches a licence.
 *
 * <p>To kill the service at the same point every time, the test holds a lock on photo-audit-service's
 * {@code processed_event} table: the handler's transaction, which begins after the delivery was counted, waits on
 * it, so the process dies with the record in its hands, never before and never after.
 */
class CrashLoopIT {

    private static final String CHEN_JING = "330106199507090625";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @RegisterExtension
    static final LocalPlatform PLATFORM = new LocalPlatform(Map.of(
            // the sweep hands back applications held longer than this (15 minutes in production)
            "APPLICATIONS_SWEEP_HELD_LONGER_THAN", "PT20S",
            "APPLICATIONS_SWEEP_EVERY", "PT5S",
            // a killed consumer's partitions go to its successor after 10 s, not Kafka's default 45 s
            "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_SESSION_TIMEOUT_MS", "10000"));

    @Test
    void aRequestThatKillsPhotoAuditThreeTimesIsDeadLetteredAndTheApplicantCanUploadAgain() throws Exception {
        MobileApi app = new MobileApi(PLATFORM.apiBase(), PLATFORM.tokenFor(CHEN_JING));
        String id = app.createApplication("陈静");
        app.awaitStatus(id, "ID_CARD_REQUIRED", "en", WAIT);

        String eventId;
        try (Connection lock = PLATFORM.database("photo_audit")) {
            lock.setAutoCommit(false);
            try (Statement sql = lock.createStatement()) {
                sql.execute("LOCK TABLE processed_event IN EXCLUSIVE MODE");
            }
            assertEquals(202, app.upload(id, "/photo", "image/jpeg", Journey.resource("photos/frl_002_neutral.jpg")).status());
            eventId = awaitUnfinishedDelivery(null, 1);
            for (int delivery = 1; delivery <= 3; delivery++) {
                PLATFORM.kill9("photo-audit-service");
                if (delivery == 3) {
                    lock.rollback();
                }
                PLATFORM.startOne("photo-audit-service");
                if (delivery < 3) {
                    assertEquals(eventId, awaitUnfinishedDelivery(eventId, delivery + 1),
                            "the restarted service is handed the same record");
                }
            }
        }

        ConsumerRecord<String, String> dead = awaitDeadLetter(id);
        assertEquals("event " + eventId + " (org.elicence.photo.audit-requested.v1) was being handled when the "
                + "service stopped, 3 times", KafkaTestClient.header(dead, "dead-letter-reason"));
        assertEquals(0, unfinishedDeliveries(), "the count goes with the dead letter");

        JsonNode handedBack = app.awaitStatus(id, "PHOTO_REJECTED", "en", WAIT);
        assertEquals("UPLOAD_PHOTO", handedBack.get("nextAction").asText());
        assertEquals("PHOTO_NOT_PROCESSED", handedBack.get("notice").get("code").asText(), handedBack.toString());

        assertEquals(202, app.upload(id, "/photo", "image/jpeg", Journey.resource("photos/frl_002_neutral.jpg")).status());
        app.awaitStatus(id, "LICENCE_ISSUED", "en", WAIT);
    }

    /** The id of the event (or of {@code eventId}) once its delivery number {@code deliveries} has begun. */
    private static String awaitUnfinishedDelivery(String eventId, int deliveries) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        try (Connection db = PLATFORM.database("photo_audit");
                PreparedStatement query = db.prepareStatement("SELECT event_id FROM unfinished_delivery "
                        + "WHERE consumer = 'photo-audit' AND deliveries = ? "
                        + "AND (CAST(? AS TEXT) IS NULL OR event_id = ?)")) {
            query.setInt(1, deliveries);
            query.setString(2, eventId);
            query.setString(3, eventId);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        return rows.getString(1);
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("delivery " + deliveries + " of the audit request never began");
    }

    private static long unfinishedDeliveries() throws Exception {
        try (Connection db = PLATFORM.database("photo_audit"); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM unfinished_delivery")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String applicationId) {
        try (KafkaTestClient admin = new KafkaTestClient(PLATFORM.kafkaBootstrap())) {
            List<ConsumerRecord<String, String>> dead = admin.awaitDeadLetters("photo-audit-service.dlq",
                    applicationId, 1, WAIT);
            assertEquals(1, dead.size(), "one dead letter");
            return dead.get(0);
        }
    }
}
