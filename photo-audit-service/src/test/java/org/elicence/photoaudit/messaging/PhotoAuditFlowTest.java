package org.elicence.photoaudit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.infra.Runbook;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.elicence.photoaudit.service.OneImageAtATime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The service as deployed: audit requests on the real broker, real OpenCV on real photographs, the
 * verdict back on the broker, the record in a real PostgreSQL database.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "photo_audit_test"))
class PhotoAuditFlowTest {

    private static final String APPLICANT = "11010119900307213X";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static String broker;
    private static KafkaTestClient kafka;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @Inject
    OneImageAtATime images;

    @BeforeAll
    static void connect() {
        broker = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        kafka = new KafkaTestClient(broker);
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aRealNonCompliantPhotographFailsWithReasonsAndAnAnnotatedCopy() throws Exception {
        // Grace Hopper's official portrait: a cap on her head and a flag behind her.
        String applicationId = UUID.randomUUID().toString();
        String eventId = request(applicationId, "image/jpeg", resource("/photos/grace_hopper.jpg"));

        JsonNode audited = awaitVerdict(applicationId);
        assertEquals("FAIL", audited.get("verdict").asText());
        assertTrue(audited.get("portrait").get("base64").asText().length() > 100,
                "a failed photo of a framed face carries its licence portrait, for a review the applicant may ask for");
        assertTrue(audited.get("annotated").get("base64").asText().length() > 100);
        assertTrue(failedRules(audited).contains("R2"), "the flag behind her is not a white background: " + failedRules(audited));
        for (JsonNode check : audited.get("checks")) {
            if ("FAIL".equals(check.get("verdict").asText())) {
                assertFalse(check.get("message").get("en").asText().isBlank());
                assertFalse(check.get("message").get("zh-CN").asText().isBlank());
            }
        }

        // The same request delivered again is audited once.
        kafka.publishEvent(Topics.PHOTO_AUDIT_REQUESTS, applicationId, EventType.PHOTO_AUDIT_REQUESTED.type(),
                requestJson(applicationId, "image/jpeg", resource("/photos/grace_hopper.jpg")), eventId);
        assertEquals(1, kafka.awaitAll(Topics.PHOTO_AUDIT_RESULTS, r -> applicationId.equals(r.key()), 1,
                Duration.ofSeconds(5)).size());
    }

    @Test
    void bytesThatAreNotAnImageFailWithAClearReasonAndTheServiceGoesOn() throws Exception {
        String broken = UUID.randomUUID().toString();
        request(broken, "image/jpeg", "\u00ff\u00d8\u00ffthis is a truncated jpeg".getBytes());
        JsonNode audited = awaitVerdict(broken);
        assertEquals("FAIL", audited.get("verdict").asText());
        assertEquals("IMAGE", audited.get("checks").get(0).get("rule").asText());

        String notBase64 = UUID.randomUUID().toString();
        kafka.publishEvent(Topics.PHOTO_AUDIT_REQUESTS, notBase64, EventType.PHOTO_AUDIT_REQUESTED.type(),
                requestJson(notBase64, "image/jpeg", new byte[] {1, 2, 3}).replaceFirst("\"imageBase64\":\"[^\"]*\"",
                        "\"imageBase64\":\"*not base64*\""));
        JsonNode undecodable = awaitVerdict(notBase64);
        assertEquals("FAIL", undecodable.get("verdict").asText(), "a verdict with a reason, not a dead letter");
        assertEquals("IMAGE", undecodable.get("checks").get(0).get("rule").asText());

        String next = UUID.randomUUID().toString();
        request(next, "image/png", resource("/photos/astronaut.png"));
        assertEquals("FAIL", awaitVerdict(next).get("verdict").asText(), "a flag and a shuttle behind her");
    }

    /**
     * A photo is audited once, for the application that sent it. A request naming a photo already audited for another
     * application (a producer's fault) is dead-lettered with a reason: before, it was skipped without a word, and its
     * application waited in PHOTO_AUDITING for the held sweep.
     */
    @Test
    void aPhotoAlreadyAuditedForAnotherApplicationIsDeadLettered() throws Exception {
        String first = UUID.randomUUID().toString();
        byte[] notAnImage = "\u00ff\u00d8\u00ffnot a photo".getBytes();
        request(first, "image/jpeg", notAnImage);
        awaitVerdict(first);
        String other = UUID.randomUUID().toString();
        kafka.publishEvent(Topics.PHOTO_AUDIT_REQUESTS, other, EventType.PHOTO_AUDIT_REQUESTED.type(),
                requestJson(other, "image/jpeg", notAnImage).replace(UUID.nameUUIDFromBytes(other.getBytes()).toString(),
                        UUID.nameUUIDFromBytes(first.getBytes()).toString()));
        String reason = KafkaTestClient.header(kafka.awaitDeadLetters("photo-audit-service.dlq", other, 1, WAIT).get(0),
                "dead-letter-reason");
        assertTrue(reason.contains("was audited for another application"), reason);
    }

    /**
     * Every application's events are keyed by its id (docs/events.md): a request keyed by another id (a producer's
     * fault, or a forged record) would be audited and answered in another application's order and under its lock,
     * so it is dead-lettered with the reason, not audited.
     */
    @Test
    void aRequestKeyedByAnotherApplicationIsDeadLetteredNotAudited() throws Exception {
        String key = UUID.randomUUID().toString();
        String about = UUID.randomUUID().toString();
        kafka.publishEvent(Topics.PHOTO_AUDIT_REQUESTS, key, EventType.PHOTO_AUDIT_REQUESTED.type(),
                requestJson(about, "image/jpeg", "\u00ff\u00d8\u00ffnot a photo".getBytes()));
        String reason = KafkaTestClient.header(kafka.awaitDeadLetters("photo-audit-service.dlq", key, 1, WAIT).get(0),
                "dead-letter-reason");
        assertTrue(reason.contains("keyed by another id than its applicationId"), reason);
        long answers = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_message WHERE message_key IN (:key, :about)").setParameter("key", key)
                .setParameter("about", about).getSingleResult()).longValue());
        assertEquals(0, answers, "no verdict under either id");
    }

    /**
     * A record that stops the service while it is handled (a native crash, the JVM leaving on OutOfMemoryError) is
     * handed to it again at every restart. What each such delivery leaves behind is its row in
     * {@code unfinished_delivery}, committed before the audit began and never deleted: three of them here.
     */
    @Test
    void aRequestThatStoppedTheServiceThreeTimesIsDeadLetteredNotAuditedAgain() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        requestAfterUnfinishedDeliveries(applicationId, eventId, 3);

        ConsumerRecord<String, String> dead = kafka.awaitDeadLetters("photo-audit-service.dlq", applicationId, 1, WAIT)
                .get(0);
        assertEquals("event " + eventId + " (" + EventType.PHOTO_AUDIT_REQUESTED.type()
                + ") was being handled when the service stopped, 3 times",
                KafkaTestClient.header(dead, "dead-letter-reason"));
        assertEquals(0, unfinishedDeliveries(eventId), "the count goes with the dead letter");
        // Were it handled, its verdict would have been published before any dead letter could be.
        assertTrue(KafkaTestClient.readAll(broker, Topics.PHOTO_AUDIT_RESULTS).stream()
                .noneMatch(r -> applicationId.equals(r.key())), "not audited");
    }

    /** Two deliveries that ended with the service (a node drained, then a crash) are no sign of poison. */
    @Test
    void aRequestWhoseEarlierDeliveriesEndedWithTheServiceIsStillAudited() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        requestAfterUnfinishedDeliveries(applicationId, eventId, 2);

        assertEquals("FAIL", awaitVerdict(applicationId).get("verdict").asText());
        assertEquals(0, unfinishedDeliveries(eventId), "a finished delivery leaves no row");
    }

    /**
     * A request that waits for the image while a card side is read has not begun: its delivery is counted only once
     * the image is its turn. Counted before (the count came before the handler, the wait inside it), a record that
     * stopped the service three times also dead-lettered the other topic's record waiting beside it.
     */
    @Test
    void aRequestWaitingForTheImageIsNotCountedUntilItsTurn() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String request = requestJson(applicationId, "image/jpeg", resource("/photos/grace_hopper.jpg"));
        images.run(OneImageAtATime.Work.CARD_READING, Instant.now(), () -> {
            // every earlier test's record was handled before it ended: the one that comes to wait is this one
            assertEquals(0, images.waiting(OneImageAtATime.Work.PORTRAIT_AUDIT), "a portrait already waits");
            kafka.publishEvent(Topics.PHOTO_AUDIT_REQUESTS, applicationId, EventType.PHOTO_AUDIT_REQUESTED.type(),
                    request, eventId);
            Instant deadline = Instant.now().plus(WAIT);
            while (images.waiting(OneImageAtATime.Work.PORTRAIT_AUDIT) == 0) {
                assertTrue(Instant.now().isBefore(deadline), "the request never came to wait for the image");
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
            assertEquals(0, unfinishedDeliveries(eventId), "counted as begun while it waits for the image");
        });
        assertEquals("FAIL", awaitVerdict(applicationId).get("verdict").asText(), "audited after the card side");
        assertEquals(0, unfinishedDeliveries(eventId), "a finished delivery leaves no row");
    }

    /**
     * An event larger than the broker will ever take (here above the producer's 16 MiB {@code max.request.size}; a
     * topic's smaller {@code max.message.bytes} fails the same way) is refused and stepped over. Before, the relay
     * sent it again on every pass and every later event of the service waited behind it for good.
     */
    @Test
    void anEventTheBrokerCanNeverTakeIsRefusedAndTheEventsBehindItStillGoOut() throws Exception {
        UUID tooLarge = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload, created_at) "
                        + "VALUES (:id, :topic, :key, :type, :payload, now())")
                .setParameter("id", tooLarge).setParameter("topic", Topics.PHOTO_AUDIT_RESULTS)
                .setParameter("key", UUID.randomUUID().toString())
                .setParameter("type", EventType.PHOTO_AUDITED.type())
                .setParameter("payload", "{\"padding\":\"" + "x".repeat(17 << 20) + "\"}").executeUpdate());

        String applicationId = UUID.randomUUID().toString();
        request(applicationId, "image/jpeg", resource("/photos/grace_hopper.jpg"));
        assertEquals("FAIL", awaitVerdict(applicationId).get("verdict").asText(), "the event behind it went out");

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT refused_at IS NOT NULL, published_at IS NULL, refusal FROM outbox_message WHERE event_id = :id")
                .setParameter("id", tooLarge).getSingleResult());
        assertEquals(true, row[0], "refused");
        assertEquals(true, row[1], "never marked published");
        assertTrue(String.valueOf(row[2]).contains("RecordTooLargeException"), String.valueOf(row[2]));

        String database = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT current_database()").getSingleResult());
        String listed = Runbook.run("outbox-refused", Map.of("DATABASE", database), Path.of("."));
        assertTrue(listed.contains(tooLarge.toString()) && listed.contains("photo-audit-results"), listed);
    }

    /** Grace Hopper's portrait requested as event {@code eventId}, whose earlier deliveries ended with the service. */
    private void requestAfterUnfinishedDeliveries(String applicationId, String eventId, int deliveries)
            throws IOException {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO unfinished_delivery (consumer, event_id, deliveries) VALUES ('photo-audit', :id, :n)")
                .setParameter("id", eventId).setParameter("n", deliveries).executeUpdate());
        kafka.publishEvent(Topics.PHOTO_AUDIT_REQUESTS, applicationId, EventType.PHOTO_AUDIT_REQUESTED.type(),
                requestJson(applicationId, "image/jpeg", resource("/photos/grace_hopper.jpg")), eventId);
    }

    private long unfinishedDeliveries(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM unfinished_delivery WHERE event_id = :id").setParameter("id", eventId)
                .getSingleResult()).longValue());
    }

    private String request(String applicationId, String contentType, byte[] image) {
        return kafka.publishEvent(Topics.PHOTO_AUDIT_REQUESTS, applicationId, EventType.PHOTO_AUDIT_REQUESTED.type(),
                requestJson(applicationId, contentType, image));
    }

    private static String requestJson(String applicationId, String contentType, byte[] image) {
        return """
                {"applicationId":"%s","applicantId":"%s","photoId":"%s","source":"APPLICANT_UPLOAD",
                 "contentType":"%s","imageBase64":"%s","requestedAt":"%s"}
                """.formatted(applicationId, APPLICANT, UUID.nameUUIDFromBytes(applicationId.getBytes()), contentType,
                Base64.getEncoder().encodeToString(image), Instant.now());
    }

    private JsonNode awaitVerdict(String applicationId) throws Exception {
        ConsumerRecord<String, String> record = kafka.await(Topics.PHOTO_AUDIT_RESULTS,
                r -> applicationId.equals(r.key()), WAIT);
        assertEquals(EventType.PHOTO_AUDITED.type(), KafkaTestClient.header(record, "ce_type"));
        JsonNode audited = json.readTree(record.value());
        assertEquals(java.util.List.of(), EventSchemas.violations(EventType.PHOTO_AUDITED, audited));
        return audited;
    }

    private static java.util.Set<String> failedRules(JsonNode audited) {
        java.util.Set<String> rules = new java.util.TreeSet<>();
        audited.get("checks").forEach(c -> {
            if ("FAIL".equals(c.get("verdict").asText())) {
                rules.add(c.get("rule").asText());
            }
        });
        return rules;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = PhotoAuditFlowTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
