package org.elicence.licence;

import org.elicence.licence.interop.QrDecoders;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.elicence.licence.LicenceTestSupport.CHEN_JING;
import static org.elicence.licence.LicenceTestSupport.LI_NA;
import static org.elicence.licence.LicenceTestSupport.SUN_YUE;
import static org.elicence.licence.LicenceTestSupport.WAIT;
import static org.elicence.licence.LicenceTestSupport.WANG_FANG;
import static org.elicence.licence.LicenceTestSupport.YANG_LEI_WITHOUT_LICENCE;
import static org.elicence.licence.LicenceTestSupport.ZHANG_WEI;
import static org.elicence.licence.LicenceTestSupport.credential;
import static org.elicence.licence.LicenceTestSupport.newId;
import static org.elicence.licence.LicenceTestSupport.verify;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.licence.credential.CredentialVerifier;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issuance on the real broker and PostgreSQL: approvals are published as photo-audit-service and idcard-service
 * would publish them, and what this service publishes is read back from licence-events.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class LicenceIssuanceTest extends LicenceServiceTestBase {

    @Test
    void aPassingPhotoIssuesASchemaValidLicenceWhoseCredentialsVerify() throws Exception {
        String applicationId = newId();
        support.photoPassed(applicationId, ZHANG_WEI);

        JsonNode issued = support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);
        assertEquals(java.util.List.of(), EventSchemas.violations(EventType.LICENCE_ISSUED, issued));
        assertEquals("110100415823", issued.get("licenceNumber").asText());
        assertEquals("张伟", issued.get("holderName").asText());
        assertEquals(ZHANG_WEI, issued.get("applicantId").asText(), "the holder, whom application-service checks");
        assertEquals("C1", issued.get("licenceClasses").get(0).asText());
        assertEquals("ACTIVE", issued.get("status").asText());
        assertEquals("Beijing Traffic Management Bureau", issued.get("issuingAuthority").asText());

        // OpenID4VCI's mso_mdoc: a bare IssuerSigned (no docType wrapper), which /verify takes as well.
        var issuerSigned = (Map<?, ?>) org.elicence.licence.credential.cbor.Cbor.decode(
                java.util.Base64.getUrlDecoder().decode(credential(issued, "mso_mdoc")));
        assertEquals(java.util.Set.of("nameSpaces", "issuerAuth"), issuerSigned.keySet());
        var mdoc = verify(credential(issued, "mso_mdoc"));
        assertEquals("VALID", mdoc.getString("outcome"));
        assertEquals("VALID", mdoc.getString("reasonCode"));
        assertEquals("110100415823", mdoc.getString("claims.document_number"));
        assertEquals("ZHANG", mdoc.getString("claims.family_name"));
        assertEquals("VALID", verify(credential(issued, "jws")).getString("outcome"));

        // The online-verification QR the app shows: a random code, nothing personal in clear; /verify looks it up.
        String scanned = QrDecoders.zxing(QrDecoders.png(
                java.util.Base64.getDecoder().decode(issued.get("qrCode").get("base64").asText())));
        assertTrue(scanned.matches("ELV1:[0-9A-F]{32}"), scanned);
        var online = verify(scanned);
        assertEquals("VALID", online.getString("outcome"));
        assertEquals("ZHANG", online.getString("claims.family_name"));
        var unknown = verify("ELV1:" + "0".repeat(32));
        assertEquals("INVALID", unknown.getString("outcome"));
        assertEquals("UNKNOWN_CODE", unknown.getString("reasonCode"));

        // Offline, a verifier needs only the published IACA certificate.
        String pem = given().get("/api/v1/licences/issuer-certificate").then().statusCode(200)
                .contentType(containsString("pem")).extract().asString();
        var offline = CredentialVerifier.offline(pem, java.time.Clock.systemUTC()).verify(credential(issued, "jws"));
        assertEquals("STATUS_UNKNOWN", offline.reasonCode());
        given().get("/api/v1/licences/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("EC")).body("keys[0].crv", equalTo("P-256"));
    }

    @Test
    void aPhotoStaffApprovedIssuesTheLicenceFromItsPortrait() throws Exception {
        var licence = support.newDriverLicence(java.time.LocalDate.now().plusYears(5));
        String applicationId = newId();
        String approval = """
                {"applicationId":"%s","applicantId":"%s","caseId":"%s","photoId":"%s","portrait":%s}
                """.formatted(applicationId, licence.residentId(), newId(), newId(),
                LicenceTestSupport.portraitJson(LicenceTestSupport.portraitJpeg()));
        assertEquals(java.util.List.of(), EventSchemas.violations(EventType.PHOTO_REVIEW_APPROVED,
                LicenceTestSupport.JSON.readTree(approval)));
        // application.created on the same topic tells the issuer whose the application is
        support.created(applicationId, licence.residentId());
        kafka.publishEvent(Topics.APPLICATIONS, applicationId, EventType.PHOTO_REVIEW_APPROVED.type(), approval);

        JsonNode issued = support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);
        assertEquals(licence.licenceNumber(), issued.get("licenceNumber").asText());
        assertEquals("VALID", verify(credential(issued, "jws")).getString("outcome"));
    }

    @Test
    void theRegisterIsVisibleAsMetrics() {
        // A refusal leaves the other tests' licences alone; the gauges must match the register.
        support.photoPassed(newId(), YANG_LEI_WITHOUT_LICENCE);
        await().atMost(WAIT).untilAsserted(() -> {
            long refused = support.count("SELECT count(*) FROM licence_decision WHERE outcome = ?1", "REFUSED");
            long active = support.count("SELECT count(*) FROM e_licence WHERE status = ?1", "ACTIVE");
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(refused >= 1);
            assertEquals(refused, gauge(metrics, "licence_decisions", "outcome=\"REFUSED\""), 0.0);
            assertEquals(active, gauge(metrics, "licence_e_licences", "status=\"ACTIVE\""), 0.0);
        });
    }

    /**
     * The outbox's oldest unpublished row is measured (the ElicenceOutboxNotDraining alert reads its age): a row an
     * hour old, never committed (written, measured and deleted in one transaction, so the relay never sees it), and
     * the gauge is exported.
     */
    @Test
    void theOutboxsOldestUnpublishedRowIsMeasuredAndExported() {
        java.time.Duration age = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            java.util.UUID eventId = java.util.UUID.randomUUID();
            entityManager.createNativeQuery("INSERT INTO outbox_message (event_id, topic, message_key, event_type, "
                    + "payload, created_at) VALUES (:id, 'licence-events', :key, 'org.elicence.licence.refused.v1', '{}', "
                    + "now() - interval '1 hour')").setParameter("id", eventId).setParameter("key", newId())
                    .executeUpdate();
            java.time.Duration measured = org.elicence.messaging.outbox.OutboxBacklogMetrics
                    .unpublished(java.time.Instant.now()).oldestAge();
            entityManager.createNativeQuery("DELETE FROM outbox_message WHERE event_id = :id")
                    .setParameter("id", eventId).executeUpdate();
            return measured;
        });
        assertTrue(age.toMinutes() >= 59 && age.toMinutes() <= 61, age.toString());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("outbox_oldest_unpublished_age_seconds")),
                "gauge exported");
    }

    private static double gauge(String metrics, String name, String label) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    @Test
    void repeatedApprovalsOfOneApplicationIssueOneLicence() throws Exception {
        String applicationId = newId();
        String first = support.photoPassed(applicationId, LI_NA);
        JsonNode issued = support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);

        // the same event redelivered, a second passing photo, and an ID-card approval of the same application
        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, applicationId, EventType.PHOTO_AUDITED.type(),
                LicenceTestSupport.photoAudited(applicationId, LI_NA, "PASS",
                        LicenceTestSupport.portraitJson(LicenceTestSupport.portraitJpeg())), first);
        String secondPhoto = support.photoPassed(applicationId, LI_NA);
        String idCard = support.idCardApproved(applicationId, LI_NA);
        await().atMost(WAIT).until(() -> support.processed(secondPhoto) && support.processed(idCard));

        assertEquals(1, support.eventsWritten(applicationId, EventType.LICENCE_ISSUED));
        assertEquals(1, support.count("SELECT count(*) FROM e_licence WHERE licence_number = ?1",
                issued.get("licenceNumber").asText()));
    }

    @Test
    void aSecondApplicationForTheSameLicenceIsGivenTheExistingELicence() throws Exception {
        String firstApplication = newId();
        support.photoPassed(firstApplication, CHEN_JING);
        JsonNode first = support.awaitLicenceEvent(firstApplication, EventType.LICENCE_ISSUED);

        String secondApplication = newId();
        support.idCardApproved(secondApplication, CHEN_JING);
        JsonNode second = support.awaitLicenceEvent(secondApplication, EventType.LICENCE_ISSUED);

        assertEquals(credential(first, "jws"), credential(second, "jws"), "the same signed credential, not a new one");
        assertEquals(1, support.count("SELECT count(*) FROM e_licence WHERE licence_number = ?1",
                first.get("licenceNumber").asText()));
    }

    /** The e-licence of a licence that has lapsed since is not handed to a new application: it is refused. */
    @Test
    void aNewApplicationForALicenceThatLapsedIsRefusedNotGivenTheOldELicence() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var lapsing = support.newDriverLicence(today.plusDays(300));
        String first = newId();
        support.photoPassed(first, lapsing.residentId());
        support.awaitLicenceEvent(first, EventType.LICENCE_ISSUED);
        support.registryRenews(lapsing.licenceNumber(), today.minusDays(1), "D");

        String second = newId();
        support.idCardApproved(second, lapsing.residentId());
        JsonNode refused = support.awaitLicenceEvent(second, EventType.LICENCE_REFUSED);
        assertEquals("LICENCE_EXPIRED", refused.get("code").asText());
        assertEquals(0, support.eventsWritten(second, EventType.LICENCE_ISSUED));
    }

    /**
     * A licence is valid through its expiry day (docs/licence.md: after it the holder may not drive): an application
     * that day is issued a credential that lasts the day. Until 2026-12-07 it was refused LICENCE_EXPIRED.
     */
    @Test
    void aLicenceExpiringTodayIsStillIssuedForTheDay() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var lastDay = support.newDriverLicence(today);
        String application = newId();
        support.photoPassed(application, lastDay.residentId());
        JsonNode issued = support.awaitLicenceEvent(application, EventType.LICENCE_ISSUED);
        assertEquals(today.toString(), issued.get("validUntil").asText(), "the licence's own expiry");
        assertEquals(0, support.eventsWritten(application, EventType.LICENCE_REFUSED));
    }

    @Test
    void racingApplicationsForOneLicenceStillMakeOneELicence() throws Exception {
        String viaPhoto = newId();
        String viaIdCard = newId();
        // Different topics are consumed on different threads, so the two approvals really run concurrently.
        support.photoPassed(viaPhoto, WANG_FANG);
        support.idCardApproved(viaIdCard, WANG_FANG);

        JsonNode a = support.awaitLicenceEvent(viaPhoto, EventType.LICENCE_ISSUED);
        JsonNode b = support.awaitLicenceEvent(viaIdCard, EventType.LICENCE_ISSUED);
        assertEquals(credential(a, "mso_mdoc"), credential(b, "mso_mdoc"));
        assertEquals(1, support.count("SELECT count(*) FROM e_licence WHERE licence_number = ?1",
                a.get("licenceNumber").asText()));
        assertEquals(1, support.count("SELECT count(*) FROM licence_decision d JOIN e_licence e ON e.id = d.e_licence_id "
                + "WHERE e.licence_number = ?1 AND d.outcome = 'SHARED'", a.get("licenceNumber").asText()));
    }

    @Test
    void anApplicantWithoutADrivingLicenceIsRefusedClearly() throws Exception {
        String applicationId = newId();
        support.photoPassed(applicationId, YANG_LEI_WITHOUT_LICENCE);

        JsonNode refused = support.awaitLicenceEvent(applicationId, EventType.LICENCE_REFUSED);
        assertEquals(java.util.List.of(), EventSchemas.violations(EventType.LICENCE_REFUSED, refused));
        assertEquals("NO_DRIVING_LICENCE_RECORD", refused.get("code").asText());
        assertTrue(refused.get("message").get("en").asText().contains("no driving-licence record"));

        String again = support.idCardApproved(applicationId, YANG_LEI_WITHOUT_LICENCE);
        await().atMost(WAIT).until(() -> support.processed(again));
        assertEquals(1, support.eventsWritten(applicationId, EventType.LICENCE_REFUSED));
    }

    @Test
    void aFailedPhotoDecidesNothing() {
        String applicationId = newId();
        String failed = kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, applicationId, EventType.PHOTO_AUDITED.type(),
                LicenceTestSupport.photoAudited(applicationId, ZHANG_WEI, "FAIL", null));
        await().atMost(WAIT).until(() -> support.processed(failed));
        assertEquals(0, support.count("SELECT count(*) FROM licence_decision WHERE application_id = CAST(?1 AS uuid)",
                applicationId));
    }

    @Test
    void poisonApprovalsAreDeadLetteredAndTheTopicMovesOn() throws Exception {
        // SUN Yue has a licence and no e-licence yet, so the portrait is really needed (a shared one is not re-signed).
        String applicationId = newId();
        support.created(applicationId, SUN_YUE);
        kafka.publishRaw(Topics.IDCARD_EVENTS, applicationId, "{not json", Map.of());
        String notAnImage = "{\"applicationId\":\"%s\",\"applicantId\":\"%s\",\"caseId\":\"%s\",\"portrait\":%s}"
                .formatted(applicationId, SUN_YUE, newId(),
                        "{\"contentType\":\"image/jpeg\",\"width\":1,\"height\":1,\"base64\":\"bm90IGFuIGltYWdl\"}");
        kafka.publishEvent(Topics.IDCARD_EVENTS, applicationId, EventType.ID_CARD_APPROVED.type(), notAnImage);

        var deadLetters = kafka.awaitDeadLetters("license-issuer-service.dlq", applicationId, 2, WAIT);
        assertTrue(KafkaTestClient.header(deadLetters.get(0), "dead-letter-reason").contains("missing CloudEvents header"));
        assertTrue(KafkaTestClient.header(deadLetters.get(1), "dead-letter-reason").contains("no usable portrait"));

        String next = newId();
        support.idCardApproved(next, YANG_LEI_WITHOUT_LICENCE);
        support.awaitLicenceEvent(next, EventType.LICENCE_REFUSED);
    }

    @Test
    void anApprovalNamingAnotherApplicantThanItsApplicationsIsRefusedAndNothingIsIssued() throws Exception {
        // The forged-audit attack: one citizen's application, another citizen's resident ID on the approval.
        var victim = support.newDriverLicence(java.time.LocalDate.now().plusYears(5));
        String applicationId = newId();
        support.created(applicationId, YANG_LEI_WITHOUT_LICENCE);
        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, applicationId, EventType.PHOTO_AUDITED.type(),
                LicenceTestSupport.photoAudited(applicationId, victim.residentId(), "PASS",
                        LicenceTestSupport.portraitJson(LicenceTestSupport.portraitJpeg())));
        var deadLetter = kafka.awaitDeadLetters("license-issuer-service.dlq", applicationId, 1, WAIT).get(0);
        String reason = KafkaTestClient.header(deadLetter, "dead-letter-reason");
        assertTrue(reason.contains("names another applicant"), reason);
        assertFalse(reason.contains(victim.residentId()), "no resident ID in the reason");
        assertEquals(0, support.count("SELECT count(*) FROM licence_decision WHERE application_id = CAST(?1 AS uuid)",
                applicationId));
        assertEquals(0, support.count("SELECT count(*) FROM e_licence WHERE licence_number = ?1",
                victim.licenceNumber()));
    }

    /** A PASS that one of its own checks contradicts, or that leaves a rule out, is poison: no licence is made on it. */
    @Test
    void aPassContradictedByItsOwnChecksOrLeavingARuleOutIsDeadLetteredAndNothingIsIssued() throws Exception {
        String pass = LicenceTestSupport.photoAudited("%1$s", YANG_LEI_WITHOUT_LICENCE, "PASS",
                LicenceTestSupport.portraitJson(LicenceTestSupport.portraitJpeg()));
        String contradicted = pass.replace("\"code\":\"C1_OK\",\"verdict\":\"PASS\"",
                "\"code\":\"C1_OK\",\"verdict\":\"FAIL\"");
        String leavingOut = pass.replaceFirst("\\{\"rule\":\"R12\"[^}]*\\}}?,", "");
        assertNotEquals(pass, contradicted);
        assertNotEquals(pass, leavingOut);
        for (String faulty : List.of(contradicted, leavingOut)) {
            String applicationId = newId();
            support.created(applicationId, YANG_LEI_WITHOUT_LICENCE);
            kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, applicationId, EventType.PHOTO_AUDITED.type(),
                    faulty.replace("%1$s", applicationId));
            var deadLetter = kafka.awaitDeadLetters("license-issuer-service.dlq", applicationId, 1, WAIT).get(0);
            String reason = KafkaTestClient.header(deadLetter, "dead-letter-reason");
            assertTrue(reason.contains("carries a check that failed or could not be assessed, or leaves a rule out"),
                    reason);
            assertEquals(0, support.count("SELECT count(*) FROM passed_photo WHERE application_id = CAST(?1 AS uuid)",
                    applicationId));
        }
    }

    /** The same application announced again in another citizen's name is poison: the first applicant stands. */
    @Test
    void anApplicationAnnouncedAgainInAnotherNameIsDeadLetteredAndTheFirstApplicantStands() throws Exception {
        var victim = support.newDriverLicence(java.time.LocalDate.now().plusYears(5));
        String applicationId = newId();
        support.created(applicationId, YANG_LEI_WITHOUT_LICENCE);
        support.created(applicationId, victim.residentId());
        var deadLetter = kafka.awaitDeadLetters("license-issuer-service.dlq", applicationId, 1, WAIT).get(0);
        String reason = KafkaTestClient.header(deadLetter, "dead-letter-reason");
        assertTrue(reason.contains("announced again naming another applicant"), reason);
        assertFalse(reason.contains(victim.residentId()), "no resident ID in the reason");
        assertEquals(1, support.count("SELECT count(*) FROM known_application WHERE application_id = CAST(?1 AS uuid)"
                + " AND applicant_id = '" + YANG_LEI_WITHOUT_LICENCE + "'", applicationId));
    }

    @Test
    void verificationRejectsGarbageAndAsksForACredential() {
        assertEquals("INVALID", verify("not-a-credential").getString("outcome"));
        assertEquals("MALFORMED", verify("eyJhbGciOiJFUzI1NiJ9.e30.c2ln").getString("reasonCode"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/licences/verify")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"));
        given().contentType(ContentType.JSON).body("{oops").post("/api/v1/licences/verify")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
