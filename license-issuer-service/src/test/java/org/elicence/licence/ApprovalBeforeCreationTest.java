package org.elicence.licence;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.elicence.licence.LicenceTestSupport.WAIT;
import static org.elicence.licence.LicenceTestSupport.newId;
import static org.elicence.licence.LicenceTestSupport.portraitJpeg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.infra.Runbook;
import org.elicence.licence.service.ApprovalsAwaitingCreation;
import org.elicence.messaging.EventType;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Approvals read before their application's {@code application.created}, on the real broker and PostgreSQL: kept,
 * neither waited for on the consumer nor dead-lettered, and handled once the creation is read (a creation that was
 * dead-lettered in an outage and replayed hours later included); checked against the applicant only then.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class ApprovalBeforeCreationTest extends LicenceServiceTestBase {

    @Inject
    ApprovalsAwaitingCreation awaiting;

    @Test
    void anIdCardApprovedBeforeTheApplicationIsCreatedIsIssuedOnceTheCreationIsRead() throws Exception {
        var licence = support.newDriverLicence(LocalDate.now().plusYears(5));
        String applicationId = newId();
        String approved = support.idCardApprovedAlone(applicationId, licence.residentId());
        await().atMost(WAIT).until(() -> support.processed(approved));
        assertEquals(1, kept(applicationId), "the approval is kept while its application is unknown");
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> decisions(applicationId) == 0);

        support.created(applicationId, licence.residentId());
        support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);
        await().atMost(WAIT).until(() -> kept(applicationId) == 0);
        assertEquals(1, decisions(applicationId));
        assertEquals(1, support.eventsWritten(applicationId, EventType.LICENCE_ISSUED));
        assertTrue(deadLetters(applicationId).isEmpty(), "an early approval is not dead-lettered");
    }

    @Test
    void aPassingPhotoAndItsAcceptanceBothReadBeforeTheCreationAreIssuedFrom() throws Exception {
        var licence = support.newDriverLicence(LocalDate.now().plusYears(5));
        String applicationId = newId();
        String photoId = newId();
        String passed = support.photoPassed(applicationId, licence.residentId(), photoId, portraitJpeg());
        String accepted = support.photoAccepted(applicationId, licence.residentId(), photoId);
        await().atMost(WAIT).until(() -> support.processed(passed) && support.processed(accepted));
        assertEquals(2, kept(applicationId));

        support.created(applicationId, licence.residentId());
        support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);
        await().atMost(WAIT).until(() -> kept(applicationId) == 0);
        assertEquals(0, support.count("SELECT count(*) FROM passed_photo WHERE application_id = CAST(?1 AS uuid)",
                applicationId), "the portrait is forgotten once the licence is decided");
    }

    @Test
    void aKeptApprovalNamingAnotherApplicantIsRefusedWhenTheCreationIsReadAndIssuesNothing() throws Exception {
        var holder = support.newDriverLicence(LocalDate.now().plusYears(5));
        var other = support.newDriverLicence(LocalDate.now().plusYears(5));
        String applicationId = newId();
        String approved = support.idCardApprovedAlone(applicationId, other.residentId());
        await().atMost(WAIT).until(() -> support.processed(approved));

        String created = support.created(applicationId, holder.residentId());
        await().atMost(WAIT).until(() -> refusal(applicationId) != null);
        String refusal = refusal(applicationId);
        assertTrue(refusal.contains("names another applicant"), refusal);
        assertFalse(refusal.contains(other.residentId()) || refusal.contains(holder.residentId()),
                "no resident ID in a refusal: operators read it");
        assertTrue(support.processed(created), "the creation itself is handled");
        assertEquals(0, decisions(applicationId));
        assertEquals(0, support.eventsWritten(applicationId, EventType.LICENCE_ISSUED));

        // the platform team sees it (ElicenceLicenceApprovalsAwaiting reads the gauges)
        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertEquals(refusedInAll(), gauge(metrics, "licence_approvals_awaiting_creation", "state=\"refused\""));
            assertTrue(metrics.contains("licence_approvals_awaiting_creation_oldest_seconds"), "the oldest's age");
        });

        // refused for what it says, it holds nothing up: the holder's own approval, read afterwards, is issued
        support.idCardApprovedAlone(applicationId, holder.residentId());
        support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);

        // the operator's runbook lists it with its reason, and can make it try again (here refused again)
        Map<String, String> database = Map.of("DATABASE", QuarkusTransaction.requiringNew().call(() -> (String)
                entityManager.createNativeQuery("SELECT current_database()").getSingleResult()));
        String listed = Runbook.run("licence-approvals-kept", database, Path.of("."));
        assertTrue(listed.contains(applicationId) && listed.contains("names another applicant"), listed);
        long keptId = keptIdOf(applicationId);
        Instant refusedAt = refusedAt(keptId);
        Runbook.run("licence-approval-retry", Map.of("DATABASE", database.get("DATABASE"), "KEPT_ID",
                String.valueOf(keptId)), Path.of("."));
        await().atMost(WAIT).until(() -> refusedAt(keptId) != null && refusedAt(keptId).isAfter(refusedAt));
        assertEquals(1, decisions(applicationId), "the holder's, and no other");
        // reported, it is discarded (which clears the alert)
        Runbook.run("licence-approval-discard", Map.of("DATABASE", database.get("DATABASE"), "KEPT_ID",
                String.valueOf(keptId)), Path.of("."));
        assertEquals(null, refusedAt(keptId));
        assertEquals(1, support.eventsWritten(applicationId, EventType.LICENCE_ISSUED));
    }

    @Test
    void aWithdrawalReadRightAfterTheCreationDoesNotOvertakeTheApprovalKeptBeforeIt() throws Exception {
        var licence = support.newDriverLicence(LocalDate.now().plusYears(5));
        String applicationId = newId();
        String approved = support.idCardApprovedAlone(applicationId, licence.residentId());
        await().atMost(WAIT).until(() -> support.processed(approved));

        support.created(applicationId, licence.residentId());
        String withdrawn = support.withdrawn(applicationId, licence.residentId());
        await().atMost(WAIT).until(() -> support.processed(withdrawn) && kept(applicationId) == 0);
        assertEquals(1, decisions(applicationId), "the approval read first is decided first");
        assertEquals(1, support.eventsWritten(applicationId, EventType.LICENCE_ISSUED));
        assertEquals(1, support.count("SELECT count(*) FROM known_application WHERE application_id = CAST(?1 AS uuid) "
                + "AND withdrawn_at IS NOT NULL", applicationId), "the withdrawal is recorded after it");
    }

    /**
     * A kept event whose handling did not finish as many times as attempts are allowed (each attempt is counted
     * before it begins: a handling that ends the process is counted too) is refused, not handled for ever; refused
     * for failing, not for what it says, it holds its application's later events: a withdrawal that could not be
     * handled does not let a later approval issue the licence. The operator's retry then handles both, in order.
     */
    @Test
    void aKeptWithdrawalWhoseHandlingNeverFinishedIsRefusedAndHoldsTheLaterApproval() throws Exception {
        var licence = support.newDriverLicence(LocalDate.now().plusYears(5));
        String applicationId = newId();
        support.created(applicationId, licence.residentId());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("INSERT INTO "
                + "approval_awaiting_application (application_id, event_type, payload, received_at, attempts) VALUES "
                + "(CAST(?1 AS uuid), ?2, CAST(?3 AS jsonb), now(), 5)").setParameter(1, applicationId)
                .setParameter(2, EventType.APPLICATION_WITHDRAWN.type())
                .setParameter(3, "{\"applicationId\":\"" + applicationId + "\",\"applicantId\":\""
                        + licence.residentId() + "\",\"reason\":\"BY_APPLICANT\",\"withdrawnAt\":\"2026-11-25T10:05:00Z\"}")
                .executeUpdate());
        await().atMost(WAIT).until(() -> refusal(applicationId) != null);
        assertTrue(refusal(applicationId).contains("did not finish 5 times"), refusal(applicationId));

        String approved = support.idCardApprovedAlone(applicationId, licence.residentId());
        await().atMost(WAIT).until(() -> support.processed(approved));
        assertEquals(1, kept(applicationId), "the approval waits behind the withdrawal that failed");
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> decisions(applicationId) == 0);

        Map<String, String> database = Map.of("DATABASE", QuarkusTransaction.requiringNew().call(() -> (String)
                entityManager.createNativeQuery("SELECT current_database()").getSingleResult()));
        long withdrawal = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT id FROM approval_awaiting_application WHERE application_id = CAST(?1 AS uuid) "
                + "AND refused_at IS NOT NULL").setParameter(1, applicationId).getSingleResult()).longValue());
        Runbook.run("licence-approval-retry", Map.of("DATABASE", database.get("DATABASE"), "KEPT_ID",
                String.valueOf(withdrawal)), Path.of("."));
        await().atMost(WAIT).until(() -> kept(applicationId) == 0 && refusal(applicationId) == null);
        assertEquals(1, support.count("SELECT count(*) FROM known_application WHERE application_id = CAST(?1 AS uuid) "
                + "AND withdrawn_at IS NOT NULL", applicationId), "the withdrawal, read first, is handled first");
        assertEquals(0, decisions(applicationId), "and the approval after it issues nothing");
    }

    /**
     * Kept rows go after the retention (30 days), and with a row that held them (refused for failing, or still
     * waiting) the later events of its application, however young: deleted alone, it would let them be handled once
     * the creation is read (an approval kept behind a withdrawal would issue a withdrawn application's licence).
     * Younger rows stay.
     */
    @Test
    void keptApprovalsGoAfterTheRetentionWithWhatTheyHeld() {
        String neverCreated = newId();
        String recent = newId();
        String held = newId();
        String heldBehindWaiting = newId();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                keptRow(neverCreated, "31 days", null);
                keptRow(recent, "29 days", null);
                keptRow(held, "31 days", "its handling did not finish 5 times");
                keptRow(held, "1 day", null);
                keptRow(heldBehindWaiting, "31 days", null);
                keptRow(heldBehindWaiting, "11 days", null);
            });
            awaiting.deleteExpired();
            assertEquals(0, kept(neverCreated), "kept 31 days: deleted");
            assertEquals(1, kept(recent), "kept 29 days: kept");
            assertEquals(0, support.count("SELECT count(*) FROM approval_awaiting_application "
                    + "WHERE application_id = CAST(?1 AS uuid)", held), "held behind one refused for failing: with it");
            assertEquals(0, support.count("SELECT count(*) FROM approval_awaiting_application "
                    + "WHERE application_id = CAST(?1 AS uuid)", heldBehindWaiting), "held behind one waiting: with it");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "DELETE FROM approval_awaiting_application WHERE application_id IN (CAST(?1 AS uuid), "
                    + "CAST(?2 AS uuid), CAST(?3 AS uuid), CAST(?4 AS uuid))").setParameter(1, neverCreated)
                    .setParameter(2, recent).setParameter(3, held).setParameter(4, heldBehindWaiting)
                    .executeUpdate());
        }
    }

    private void keptRow(String applicationId, String age, String refusedForFailing) {
        entityManager.createNativeQuery("INSERT INTO approval_awaiting_application (application_id, event_type, "
                + "payload, received_at, refused_at, refusal) VALUES (CAST(?1 AS uuid), ?2, CAST('{}' AS jsonb), "
                + "now() - CAST(?3 AS interval), CASE WHEN CAST(?4 AS text) IS NULL THEN NULL ELSE now() END, ?4)")
                .setParameter(1, applicationId).setParameter(2, EventType.ID_CARD_APPROVED.type())
                .setParameter(3, age).setParameter(4, refusedForFailing).executeUpdate();
    }

    private long kept(String applicationId) {
        return support.count("SELECT count(*) FROM approval_awaiting_application WHERE application_id = CAST(?1 AS uuid) "
                + "AND refused_at IS NULL", applicationId);
    }

    private long decisions(String applicationId) {
        return support.count("SELECT count(*) FROM licence_decision WHERE application_id = CAST(?1 AS uuid)",
                applicationId);
    }

    private String refusal(String applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> found = entityManager.createNativeQuery("SELECT refusal FROM approval_awaiting_application "
                    + "WHERE application_id = CAST(?1 AS uuid) AND refused_at IS NOT NULL")
                    .setParameter(1, applicationId).getResultList();
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private long refusedInAll() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM approval_awaiting_application WHERE refused_at IS NOT NULL").getSingleResult())
                .longValue());
    }

    private static long gauge(String metrics, String name, String label) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    private long keptIdOf(String applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT id FROM approval_awaiting_application WHERE application_id = CAST(?1 AS uuid)")
                .setParameter(1, applicationId).getSingleResult()).longValue());
    }

    private Instant refusedAt(long keptId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Instant> found = entityManager.createNativeQuery("SELECT refused_at FROM approval_awaiting_application "
                    + "WHERE id = ?1", Instant.class).setParameter(1, keptId).getResultList();
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static List<?> deadLetters(String applicationId) {
        String bootstrap = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class);
        return KafkaTestClient.readAll(bootstrap, "license-issuer-service.dlq").stream()
                .filter(record -> applicationId.equals(record.key())).toList();
    }
}
