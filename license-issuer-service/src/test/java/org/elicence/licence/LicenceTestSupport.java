package org.elicence.licence;

import static io.restassured.RestAssured.given;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.infra.KafkaTestClient;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.elicence.messaging.events.PhotoAudited;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;

/** Plays the other services on the real broker and reads this service's store, for the licence tests. */
final class LicenceTestSupport {

    static final Duration WAIT = Duration.ofSeconds(40);
    static final ObjectMapper JSON = new ObjectMapper();

    /** Seeded citizens (V2__driver_licence_registry.sql); YANG Lei has no driving licence. */
    static final String ZHANG_WEI = "11010119900307213X";
    static final String LI_NA = "310104198511230466";
    static final String WANG_FANG = "440305197806141286";
    static final String LIU_YANG = "510104196901303518";
    static final String LIU_YANG_LICENCE = "510100062741";
    static final String HUANG_LI = "420102197510190843";
    static final String HUANG_LI_LICENCE = "420100338102";
    static final String CHEN_JING = "330106199507090625";
    static final String SUN_YUE = "320102198304152206";
    static final String YANG_LEI_WITHOUT_LICENCE = "610113200112254177";

    private final KafkaTestClient kafka;
    private final EntityManager entityManager;

    LicenceTestSupport(KafkaTestClient kafka, EntityManager entityManager) {
        this.kafka = kafka;
        this.entityManager = entityManager;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A fictional registry licence made for one test, so tests never share a licence's history. */
    record TestLicence(String licenceNumber, String residentId) {
    }

    /**
     * Adds a driving licence (class C1) to the registry, as the authorities' registry would hold it. The seed data
     * has seven licences, which the issuance and command tests already use up.
     */
    TestLicence newDriverLicence(LocalDate expiresOn) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        String licenceNumber = "99" + String.format("%010d", random.nextLong(10_000_000_000L));
        String residentId = residentId("110101" + LocalDate.of(1970, 1, 1).plusDays(random.nextInt(12_000))
                .toString().replace("-", "") + String.format("%03d", random.nextInt(1000)));
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("INSERT INTO driver_licence (licence_number, resident_id, full_name, "
                    + "family_name_latin, given_name_latin, birth_date, first_issued_on, expires_on, issuing_authority) "
                    + "VALUES (?1, ?2, '测试', 'CESHI', 'Test', DATE '1980-01-01', DATE '2010-01-01', ?3, "
                    + "'Beijing Traffic Management Bureau')")
                    .setParameter(1, licenceNumber).setParameter(2, residentId).setParameter(3, expiresOn)
                    .executeUpdate();
            entityManager.createNativeQuery("INSERT INTO driver_licence_class (licence_number, class_code, granted_on) "
                    + "VALUES (?1, 'C1', DATE '2010-01-01')").setParameter(1, licenceNumber).executeUpdate();
        });
        return new TestLicence(licenceNumber, residentId);
    }

    /** What the registry records when the authority renews the licence itself: a new expiry and, here, a new class. */
    void registryRenews(String licenceNumber, LocalDate newExpiry, String addedClass) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("UPDATE driver_licence SET expires_on = ?2 WHERE licence_number = ?1")
                    .setParameter(1, licenceNumber).setParameter(2, newExpiry).executeUpdate();
            entityManager.createNativeQuery("INSERT INTO driver_licence_class (licence_number, class_code, granted_on) "
                    + "VALUES (?1, ?2, CURRENT_DATE)").setParameter(1, licenceNumber).setParameter(2, addedClass)
                    .executeUpdate();
        });
    }

    // GB 11643 check digit, so the number is as valid as a real one.
    private static String residentId(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /**
     * application-service's application.created: whose the application is; returns once the issuer knows the
     * application, so that an approval a test sends next is handled at once rather than kept until the creation is
     * read (ApprovalBeforeCreationTest sends approvals first on purpose).
     */
    String created(String applicationId, String residentId) {
        String eventId = kafka.publishEvent(Topics.APPLICATIONS, applicationId, EventType.APPLICATION_CREATED.type(),
                "{\"applicationId\":\"" + applicationId + "\",\"applicantId\":\"" + residentId
                        + "\",\"fullName\":\"测试\",\"createdAt\":\"2026-11-25T10:00:00Z\"}");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> count(
                "SELECT count(*) FROM known_application WHERE application_id = CAST(?1 AS uuid)", applicationId) == 1);
        return eventId;
    }

    /**
     * photo-audit-service's verdict PASS with a licence portrait, accepted by application-service as its application's
     * current photo, for an application created first; returns the PASS's ce_id.
     */
    String photoPassed(String applicationId, String residentId) {
        created(applicationId, residentId);
        String photoId = newId();
        String passed = photoPassed(applicationId, residentId, photoId, portraitJpeg());
        photoAccepted(applicationId, residentId, photoId);
        return passed;
    }

    /** photo-audit-service's verdict PASS on one photo, with the given portrait; returns the ce_id. */
    String photoPassed(String applicationId, String residentId, String photoId, byte[] portrait) {
        return kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, applicationId, EventType.PHOTO_AUDITED.type(),
                photoAudited(applicationId, residentId, photoId, "PASS", portraitJson(portrait)));
    }

    /** application-service's application.photo-accepted: which photo is its application's current one; the ce_id. */
    String photoAccepted(String applicationId, String residentId, String photoId) {
        return kafka.publishEvent(Topics.APPLICATIONS, applicationId, EventType.PHOTO_ACCEPTED.type(),
                "{\"applicationId\":\"%s\",\"applicantId\":\"%s\",\"photoId\":\"%s\",\"acceptedAt\":\"%s\"}"
                        .formatted(applicationId, residentId, photoId, "2026-11-25T10:00:01Z"));
    }

    static String photoAudited(String applicationId, String residentId, String verdict, String portrait) {
        return photoAudited(applicationId, residentId, newId(), verdict, portrait);
    }

    static String photoAudited(String applicationId, String residentId, String photoId, String verdict,
            String portrait) {
        return """
                {"applicationId":"%s","applicantId":"%s","photoId":"%s","source":"ID_REGISTRY","verdict":"%s",
                 "checks":[%s],
                 %s"auditedAt":"2026-11-25T10:00:00Z","durationMillis":42}
                """.formatted(applicationId, residentId, photoId, verdict, passedChecks(),
                portrait == null ? "" : "\"portrait\":" + portrait + ",");
    }

    /** Every audited rule passed, as photo-audit-service reports a PASS (a PASS that leaves a rule out is poison). */
    static String passedChecks() {
        return PhotoAudited.AUDITED_RULES.stream().map(rule -> """
                {"rule":"%s","code":"%s_OK","verdict":"PASS","message":{"zh-CN":"合格。","en":"Passed."}}"""
                .formatted(rule, rule)).collect(java.util.stream.Collectors.joining(","));
    }

    /** application-service's application.withdrawn (the applicant withdrew it); returns the ce_id. */
    String withdrawn(String applicationId, String residentId) {
        return kafka.publishEvent(Topics.APPLICATIONS, applicationId, EventType.APPLICATION_WITHDRAWN.type(),
                "{\"applicationId\":\"%s\",\"applicantId\":\"%s\",\"reason\":\"BY_APPLICANT\",\"withdrawnAt\":\"%s\"}"
                        .formatted(applicationId, residentId, "2026-11-25T10:05:00Z"));
    }

    /** idcard-service's approval of an uploaded ID card, for an application created first; returns the ce_id. */
    String idCardApproved(String applicationId, String residentId) {
        created(applicationId, residentId);
        return idCardApprovedAlone(applicationId, residentId);
    }

    /** idcard-service's approval of an uploaded ID card, without the application's creation; returns the ce_id. */
    String idCardApprovedAlone(String applicationId, String residentId) {
        String json = "{\"applicationId\":\"%s\",\"applicantId\":\"%s\",\"caseId\":\"%s\",\"portrait\":%s}"
                .formatted(applicationId, residentId, newId(), portraitJson(portraitJpeg()));
        return kafka.publishEvent(Topics.IDCARD_EVENTS, applicationId, EventType.ID_CARD_APPROVED.type(), json);
    }

    static String portraitJson(byte[] image) {
        return "{\"contentType\":\"image/jpeg\",\"width\":358,\"height\":441,\"base64\":\""
                + Base64.getEncoder().encodeToString(image) + "\"}";
    }

    static byte[] portraitJpeg() {
        return portraitJpeg(new Color(120, 80, 60));
    }

    /** A portrait whose face is drawn in {@code face}: two colours make two portraits a test can tell apart. */
    static byte[] portraitJpeg(Color face) {
        BufferedImage image = new BufferedImage(72, 90, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 72, 90);
        graphics.setColor(face);
        graphics.fillOval(18, 15, 36, 46);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first event of {@code type} on licence-events for the application. */
    JsonNode awaitLicenceEvent(String applicationId, EventType type) throws IOException {
        ConsumerRecord<String, String> record = kafka.await(Topics.LICENCE_EVENTS,
                r -> applicationId.equals(r.key()) && type.type().equals(KafkaTestClient.header(r, "ce_type")), WAIT);
        return JSON.readTree(record.value());
    }

    static String credential(JsonNode licenceIssued, String format) {
        for (JsonNode credential : licenceIssued.get("credentials")) {
            if (format.equals(credential.get("format").asText())) {
                return credential.get("value").asText();
            }
        }
        throw new AssertionError("no " + format + " credential");
    }

    static JsonPath verify(String credential) {
        return given().contentType(ContentType.JSON)
                .body(JSON.createObjectNode().put("credential", credential).toString())
                .post("/api/v1/licences/verify")
                .then().statusCode(200).extract().jsonPath();
    }

    long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    boolean processed(String eventId) {
        return count("SELECT count(*) FROM processed_event WHERE event_id = ?1", eventId) == 1;
    }

    /** Events of {@code type} this service wrote for the application (the outbox keeps them after sending). */
    long eventsWritten(String applicationId, EventType type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_message WHERE message_key = ?1 AND event_type = ?2")
                .setParameter(1, applicationId).setParameter(2, type.type()).getSingleResult()).longValue());
    }
}
