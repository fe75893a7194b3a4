package org.elicence.application;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.application.service.HeldApplicationsSweep;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Applications held by a lost event are handed back to the applicant; late verdicts stay in the history. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class HeldApplicationsSweepTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestClient kafka;

    @Inject
    HeldApplicationsSweep sweep;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void anApplicationWaitingTooLongForAServiceIsHandedBackWithANotice() {
        String applicant = "110101198002020011";
        String waiting = create(applicant);
        String fresh = create(applicant);
        given().auth().oauth2(Tokens.forApplicant(applicant)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + waiting + "/photo").then().statusCode(202);
        // the audit never answered (dead-lettered somewhere): an hour passes
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE application SET updated_at = now() - interval '1 hour' WHERE id = :id")
                .setParameter("id", UUID.fromString(waiting)).executeUpdate());
        double releasedBefore = metrics.counter("applications.held.released").count();

        assertTrue(sweep.sweep() >= 1);

        given().auth().oauth2(Tokens.forApplicant(applicant)).header("Accept-Language", "en")
                .get("/api/v1/applications/" + waiting).then().statusCode(200)
                .body("status", equalTo("PHOTO_REJECTED"))
                .body("nextAction", equalTo("UPLOAD_PHOTO"))
                .body("notice.code", equalTo("PHOTO_NOT_PROCESSED"))
                .body("notice.message", equalTo("Your photo could not be checked: please upload it again."));
        given().auth().oauth2(Tokens.forApplicant(applicant)).get("/api/v1/applications/" + fresh)
                .then().body("status", equalTo("SUBMITTED"));
        assertTrue(metrics.counter("applications.held.released").count() >= releasedBefore + 1);
        assertTrue(metrics.find("applications.held").tag("status", "PHOTO_AUDITING").gauge().value() >= 1);
        // the applicant can act on it: a new upload is taken, and "upload it again" is not said of the new photo
        given().auth().oauth2(Tokens.forApplicant(applicant)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + waiting + "/photo").then().statusCode(202);
        given().auth().oauth2(Tokens.forApplicant(applicant)).get("/api/v1/applications/" + waiting).then()
                .statusCode(200).body("status", equalTo("PHOTO_AUDITING")).body("notice", nullValue())
                .body("photoAudit", nullValue());
    }

    /**
     * More held applications than one page (200), all held since the same instant: one pass hands every one back
     * (pages used to start at an offset, and each released application left the results, so a pass skipped some).
     */
    @Test
    void onePassHandsBackEveryHeldApplicationHoweverManyPagesTheyFill() {
        String applicant = "110101198005050035";
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO application (id, applicant_id, full_name, status, next_action, created_at, updated_at)
                SELECT gen_random_uuid(), :applicant, 'Held Applicant', 'PHOTO_AUDITING', 'WAIT',
                       now() - interval '2 hours', now() - interval '1 hour'
                FROM generate_series(1, 450)""").setParameter("applicant", applicant).executeUpdate());

        assertTrue(sweep.sweep() >= 450);

        Number stillHeld = (Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT count(*) FROM application WHERE applicant_id = :applicant AND status = 'PHOTO_AUDITING'")
                .setParameter("applicant", applicant).getSingleResult());
        assertEquals(0, stillHeld.intValue());
    }

    @Test
    void aLateVerdictOnTheRegistryPhotoDoesNotReplaceTheUploadsVerdict() throws Exception {
        String applicant = "110101198002020038";
        String id = create(applicant);
        String registryPhoto = registryPhotoSentToTheAudit(id, applicant);
        String uploaded = upload(id, applicant, 1);

        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(),
                audited(id, applicant, uploaded, "APPLICANT_UPLOAD", "FACE_TOO_SMALL"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(applicant))
                .get("/api/v1/applications/" + id).then().body("photoAudit.photoId", equalTo(uploaded)));
        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(),
                audited(id, applicant, registryPhoto, "ID_REGISTRY", "HEAD_COVERED"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(applicant))
                .get("/api/v1/applications/" + id + "/photo-audits").then().body("$", hasSize(2)));

        given().auth().oauth2(Tokens.forApplicant(applicant)).get("/api/v1/applications/" + id).then()
                .body("status", equalTo("PHOTO_REJECTED"))
                .body("photoAudit.photoId", equalTo(uploaded))
                .body("photoAudit.failures[0].code", equalTo("FACE_TOO_SMALL"));
    }

    @Test
    void aLateRegistryPassSettlesNothingAndOnlyTheCurrentPhotosPassIsAnnouncedToTheIssuer() throws Exception {
        String applicant = "110101198003030034";
        String id = create(applicant);
        String registryPhoto = registryPhotoSentToTheAudit(id, applicant);
        String first = upload(id, applicant, 1);
        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(),
                audited(id, applicant, first, "APPLICANT_UPLOAD", "FACE_TOO_SMALL"));
        // issue 14: the registry photo's PASS arrives after the applicant's newer photo failed
        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(),
                passed(id, applicant, registryPhoto, "ID_REGISTRY"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(applicant))
                .get("/api/v1/applications/" + id + "/photo-audits").then().body("$", hasSize(2)));
        given().auth().oauth2(Tokens.forApplicant(applicant)).get("/api/v1/applications/" + id).then()
                .body("status", equalTo("PHOTO_REJECTED")).body("photoAudit.photoId", equalTo(first));

        // the applicant's next photo passes: that one, and only that one, is announced as accepted
        String second = upload(id, applicant, 2);
        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(),
                passed(id, applicant, second, "APPLICANT_UPLOAD"));
        ConsumerRecord<String, String> accepted = kafka.await(Topics.APPLICATIONS, r -> id.equals(r.key())
                && EventType.PHOTO_ACCEPTED.type().equals(KafkaTestClient.header(r, "ce_type")), WAIT);
        assertEquals(second, json.readTree(accepted.value()).get("photoId").asText());
        assertEquals(List.of(), EventSchemas.violations(EventType.PHOTO_ACCEPTED, json.readTree(accepted.value())));
        given().auth().oauth2(Tokens.forApplicant(applicant)).get("/api/v1/applications/" + id).then()
                .body("status", equalTo("LICENCE_PENDING")).body("photoAudit.photoId", equalTo(second));
        assertEquals(1, KafkaTestClient.readAll(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class), Topics.APPLICATIONS).stream().filter(r -> id.equals(r.key())
                        && EventType.PHOTO_ACCEPTED.type().equals(KafkaTestClient.header(r, "ce_type"))).count());
    }

    /**
     * Both card sides passed but no review case opened (idcard-service opens none on a side whose images its
     * retention deleted before the other side passed, or the case's event was lost): the application waited in
     * ID_CARD_CHECKING for ever, unwithdrawable. The sweep asks for both sides again.
     */
    @Test
    void aCardWhoseSidesPassedButWhoseCaseNeverOpenedIsAskedForAgain() {
        String applicant = "110101198004040039";
        String id = create(applicant);
        String front = cardSide(id, applicant, "front");
        String back = cardSide(id, applicant, "back");
        sideChecked(id, front, "FRONT", "PASS");
        sideChecked(id, back, "BACK", "PASS");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(applicant))
                .get("/api/v1/applications/" + id).then().body("status", equalTo("ID_CARD_CHECKING"))
                .body("idCard.front", equalTo("PASS")).body("idCard.back", equalTo("PASS"))
                .body("nextAction", equalTo("WAIT")));
        given().auth().oauth2(Tokens.forApplicant(applicant)).post("/api/v1/applications/" + id + "/withdrawal")
                .then().statusCode(409);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE application SET updated_at = now() - interval '1 hour' WHERE id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());

        assertTrue(sweep.sweep() >= 1);

        given().auth().oauth2(Tokens.forApplicant(applicant)).header("Accept-Language", "en")
                .get("/api/v1/applications/" + id).then().statusCode(200)
                .body("status", equalTo("ID_CARD_REJECTED"))
                .body("nextAction", equalTo("UPLOAD_ID_CARD"))
                .body("idCard", nullValue())
                .body("notice.code", equalTo("ID_CARD_REVIEW_NOT_OPENED"))
                .body("notice.message", equalTo("Your ID card could not be passed to staff for review: please "
                        + "upload both sides again."));
        // the applicant uploads the front again; a late check of the old front, read after the new one's, is
        // staff's record only: the view shows the new front's
        String newFront = cardSide(id, applicant, "front");
        sideChecked(id, newFront, "FRONT", "PASS");
        sideChecked(id, front, "FRONT", "FAIL");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forOperator("reviewer-001"))
                .get("/internal/applications/" + id + "/record").then().statusCode(200)
                .body("idCard.uploads.find { it.uploadId == '" + front + "' }.verdict", equalTo("FAIL")));
        given().auth().oauth2(Tokens.forApplicant(applicant)).get("/api/v1/applications/" + id).then()
                .body("status", equalTo("ID_CARD_CHECKING")).body("idCard.front", equalTo("PASS"))
                .body("idCard.back", nullValue()).body("nextAction", equalTo("UPLOAD_ID_CARD"));
    }

    /**
     * A card with one side passed and the other never sent waits for the applicant, up to 90 days: the sweep's query
     * leaves it out, where it used to read it again, in a transaction of its own, at every pass of every instance;
     * a side still being read is in it.
     */
    @Test
    void aCardWaitingForItsOtherSideIsNotReadByEveryPass() {
        String applicant = "110101198011110031";
        String waitingForTheBack = create(applicant);
        sideChecked(waitingForTheBack, cardSide(waitingForTheBack, applicant, "front"), "FRONT", "PASS");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(applicant))
                .get("/api/v1/applications/" + waitingForTheBack).then().body("idCard.front", equalTo("PASS")));
        String otherApplicant = "110101198012120047";
        String beingRead = create(otherApplicant);
        cardSide(beingRead, otherApplicant, "front");
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE application SET updated_at = now() - interval '30 days' WHERE id IN (:ids)")
                .setParameter("ids", List.of(UUID.fromString(waitingForTheBack), UUID.fromString(beingRead)))
                .executeUpdate());

        // older than anything else the tests leave: on the first page
        List<UUID> held = QuarkusTransaction.requiringNew().call(() -> sweep.heldAfter(null, Instant.now()).stream()
                .map(application -> application.id).toList());

        assertFalse(held.contains(UUID.fromString(waitingForTheBack)), "the applicant's turn");
        assertTrue(held.contains(UUID.fromString(beingRead)), "a side still being read is held");
    }

    private static String cardSide(String id, String applicant, String side) {
        return given().auth().oauth2(Tokens.forApplicant(applicant)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + id + "/id-card/" + side).then().statusCode(202)
                .extract().path("uploadId");
    }

    /** idcard-service's checks of one uploaded card side. */
    private static void sideChecked(String id, String uploadId, String side, String verdict) {
        kafka.publishEvent(Topics.IDCARD_EVENTS, id, EventType.ID_CARD_SIDE_CHECKED.type(), """
                {"applicationId":"%s","uploadId":"%s","side":"%s","verdict":"%s","checks":[{"rule":"ID3",
                 "code":"CARD_CHECK","verdict":"%s","message":{"zh-CN":"检查","en":"a check"}}]}"""
                .formatted(id, uploadId, side, verdict, verdict));
    }

    /** The ID registry's photo of the application was retrieved (idcard-service's event): it is being audited. */
    private String registryPhotoSentToTheAudit(String id, String applicant) {
        String registryPhoto = UUID.randomUUID().toString();
        kafka.publishEvent(Topics.IDCARD_EVENTS, id, EventType.ID_REGISTRY_PHOTO_RETRIEVED.type(),
                "{\"applicationId\":\"" + id + "\",\"photoId\":\"" + registryPhoto + "\"}");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(applicant))
                .get("/api/v1/applications/" + id).then().body("status", equalTo("PHOTO_AUDITING")));
        return registryPhoto;
    }

    /** Uploads a photo and returns the photoId application-service sent to the audit (the nth upload). */
    private String upload(String id, String applicant, int nth) throws Exception {
        given().auth().oauth2(Tokens.forApplicant(applicant)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + id + "/photo").then().statusCode(202);
        List<ConsumerRecord<String, String>> requests = kafka.awaitAll(Topics.PHOTO_AUDIT_REQUESTS,
                r -> id.equals(r.key()) && r.value().contains("APPLICANT_UPLOAD"), nth, WAIT);
        return json.readTree(requests.get(nth - 1).value()).get("photoId").asText();
    }

    private static String passed(String id, String applicant, String photoId, String source) {
        return """
                {"applicationId":"%s","applicantId":"%s","photoId":"%s","source":"%s","verdict":"PASS",
                 "checks":[%s],
                 "portrait":{"contentType":"image/jpeg","width":1,"height":1,"base64":"%s"},
                 "auditedAt":"2026-11-25T10:00:00Z","durationMillis":5}
                """.formatted(id, applicant, photoId, source, PassedChecks.json(),
                Base64.getEncoder().encodeToString(TestImages.jpeg()));
    }

    private static String audited(String id, String applicant, String photoId, String source, String code) {
        return """
                {"applicationId":"%s","applicantId":"%s","photoId":"%s","source":"%s","verdict":"FAIL",
                 "checks":[{"rule":"R3","code":"%s","verdict":"FAIL","message":{"zh-CN":"不合格。","en":"Failed."}}],
                 "auditedAt":"2026-11-25T10:00:00Z","durationMillis":5}
                """.formatted(id, applicant, photoId, source, code);
    }

    private static String create(String applicant) {
        return given().auth().oauth2(Tokens.forApplicant(applicant)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Test Applicant\"}").post("/api/v1/applications")
                .then().statusCode(201).extract().path("id");
    }
}
