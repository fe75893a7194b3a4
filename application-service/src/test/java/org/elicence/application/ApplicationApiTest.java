package org.elicence.application;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The mobile API against a real Kafka broker and a real PostgreSQL database. The other services are
 * played by publishing their events to the broker, exactly as they would.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class ApplicationApiTest {

    private static final String ALICE = "11010119900307213X";
    private static final String BOB = "310104198511230466";
    private static final String CAROL = "44030419880801123X";
    private static final String DAVID = "320106199204152348";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A verdict on an uploaded photo: application, applicant, photo, verdict and the checks to fill in. */
    private static final String UPLOAD_VERDICT = """
            {"applicationId":"%s","applicantId":"%s","photoId":"%s","source":"APPLICANT_UPLOAD","verdict":"%s",
             "checks":[%s],
             "auditedAt":"2026-11-25T10:00:00Z","durationMillis":42}
            """;

    /** Every audited rule, R2 failed. */
    private static final String R2_FAILED = PassedChecks.json().replace("\"code\":\"R2_OK\",\"verdict\":\"PASS\"",
            "\"code\":\"BACKGROUND_NOT_WHITE\",\"verdict\":\"FAIL\"");

    private static KafkaTestClient kafka;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @Inject
    org.elicence.application.service.PersonalDataRetention retention;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void createIsIdempotentAndPublishesASchemaValidEvent() throws Exception {
        String first = create(ALICE, "key-1");
        String retried = create(ALICE, "key-1");
        assertEquals(first, retried, "a retry with the same Idempotency-Key returns the same application");
        String other = create(ALICE, "key-2");
        assertTrue(!other.equals(first));

        ConsumerRecord<String, String> created = kafka.await(Topics.APPLICATIONS, r -> first.equals(r.key()), WAIT);
        assertEquals(EventType.APPLICATION_CREATED.type(), KafkaTestClient.header(created, "ce_type"));
        assertEquals("application-service", KafkaTestClient.header(created, "ce_source"));
        assertTrue(EventSchemas.violations(EventType.APPLICATION_CREATED, json.readTree(created.value())).isEmpty());
        assertEquals(ALICE, json.readTree(created.value()).get("applicantId").asText());
        assertEquals(1, kafka.awaitAll(Topics.APPLICATIONS, r -> first.equals(r.key()), 1, Duration.ofSeconds(2)).size(),
                "the retry published nothing");

        given().auth().oauth2(Tokens.forApplicant(ALICE)).get("/api/v1/applications/" + first)
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("nextAction", equalTo("WAIT"))
                .body("photoAudit", equalTo(null))
                .body("licence", equalTo(null));
    }

    @Test
    void applicantsOnlySeeTheirOwnApplicationsAndBadTokensAreRefused() throws Exception {
        String id = create(ALICE, null);
        given().auth().oauth2(Tokens.forApplicant(BOB)).get("/api/v1/applications/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("APPLICATION_NOT_FOUND"));
        given().get("/api/v1/applications/" + id)
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        for (String token : new String[] {Tokens.expired(ALICE), Tokens.wrongAudience(ALICE),
                Tokens.forgedWithAnotherKey(ALICE), "not-a-jwt"}) {
            given().auth().oauth2(token).get("/api/v1/applications/" + id)
                    .then().statusCode(401).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.forApplicant("not-a-resident-id")).get("/api/v1/applications/" + id)
                .then().statusCode(403).body("code", equalTo("SUBJECT_NOT_AN_APPLICANT"));
    }

    /** Issue 12: staff's record of an application needs an operator's token; an operator's token is no applicant's. */
    @Test
    void theOperatorsRecordNeedsAnOperatorsToken() {
        String id = create(ALICE, null);
        String record = "/internal/applications/" + id + "/record";
        given().get(record).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2("not-a-jwt").get(record).then().statusCode(401);
        given().auth().oauth2(io.smallrye.jwt.build.Jwt.subject("reviewer-001").issuer(Tokens.ISSUER)
                .audience("someone-else").groups(java.util.Set.of("operator")).expiresIn(600).sign())
                .get(record).then().statusCode(401);
        given().auth().oauth2(Tokens.forApplicant(ALICE)).get(record).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        // the operator role in an applicant's token (audience elicence-mobile) is not an operator's credential
        given().auth().oauth2(io.smallrye.jwt.build.Jwt.subject(ALICE).issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE)
                .groups(java.util.Set.of("operator")).expiresIn(600).sign())
                .get(record).then().statusCode(403).contentType("application/problem+json");
        String operator = Tokens.forOperator("reviewer-001");
        given().auth().oauth2(operator).get("/api/v1/applications/" + id).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(operator).get(record).then().statusCode(200)
                .body("applicationId", equalTo(id)).body("applicantId", equalTo(ALICE))
                .body("status", equalTo("SUBMITTED")).body("photoAttempts.size()", equalTo(0))
                .body("photoReviews.size()", equalTo(0))
                .body("idCard.record", equalTo("/internal/applicants/" + id + "/record"));
        given().auth().oauth2(operator).get("/internal/applications/" + java.util.UUID.randomUUID() + "/record")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(operator).get("/internal/applications/" + id + "/photo-attempts/"
                + java.util.UUID.randomUUID() + "/annotated.jpg").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NO_ANNOTATED_IMAGE"));
    }

    /**
     * Above quarkus.http.limits.max-body-size the HTTP layer answers before the resource and closes the
     * connection; the JDK client reads that answer where RestAssured's client fails on the closed socket.
     */
    private static void assertBodyAboveTheHttpLimitGetsAProblem(String id) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                + "/api/v1/applications/" + id + "/photo"))
                        .header("Authorization", "Bearer " + Tokens.forApplicant(ALICE))
                        .header("Content-Type", "image/jpeg")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[17 * 1024 * 1024])).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("PAYLOAD_TOO_LARGE"), response.body());
    }

    @Test
    void badRequestsGetProblemDetails() throws Exception {
        given().auth().oauth2(Tokens.forApplicant(ALICE)).contentType(ContentType.JSON).body("{\"fullName\":\"\"}")
                .post("/api/v1/applications")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"));
        given().auth().oauth2(Tokens.forApplicant(ALICE)).contentType(ContentType.JSON).body("{not json")
                .post("/api/v1/applications")
                .then().statusCode(400).contentType("application/problem+json");
        String id = create(ALICE, null);
        given().auth().oauth2(Tokens.forApplicant(ALICE)).contentType("image/jpeg").body("GIF89a-not-a-jpeg".getBytes())
                .put("/api/v1/applications/" + id + "/photo")
                .then().statusCode(415).contentType("application/problem+json").body("code", equalTo("NOT_AN_IMAGE"));
        given().auth().oauth2(Tokens.forApplicant(ALICE)).contentType("image/jpeg").body(new byte[11 * 1024 * 1024])
                .put("/api/v1/applications/" + id + "/photo")
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("IMAGE_TOO_LARGE"));
        assertBodyAboveTheHttpLimitGetsAProblem(id);
        given().auth().oauth2(Tokens.forApplicant(ALICE)).contentType(ContentType.JSON).body("[\"an\", \"array\"]")
                .post("/api/v1/applications")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_REQUEST"));
        given().auth().oauth2(Tokens.forApplicant(ALICE)).get("/api/v1/applications/" + id + "/licence")
                .then().statusCode(404).body("code", equalTo("LICENCE_NOT_ISSUED"));
    }

    @Test
    void photoUploadGoesToTheAuditAndItsFailuresReachTheApplicant() throws Exception {
        String id = create(ALICE, null);
        given().auth().oauth2(Tokens.forApplicant(ALICE)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + id + "/photo")
                .then().statusCode(202).body("photoId", notNullValue());

        ConsumerRecord<String, String> request = kafka.await(Topics.PHOTO_AUDIT_REQUESTS, r -> id.equals(r.key()), WAIT);
        JsonNode requested = json.readTree(request.value());
        assertTrue(EventSchemas.violations(EventType.PHOTO_AUDIT_REQUESTED, requested).isEmpty());
        assertEquals("APPLICANT_UPLOAD", requested.get("source").asText());
        String photoId = requested.get("photoId").asText();

        String failed = """
                {"applicationId":"%s","applicantId":"%s","photoId":"%s","source":"APPLICANT_UPLOAD","verdict":"FAIL",
                 "checks":[{"rule":"R2","code":"BACKGROUND_NOT_WHITE","verdict":"FAIL","measured":0.41,"threshold":">= 0.90",
                            "unit":{"zh-CN":"背景中白色的比例","en":"white share of the background"},
                            "message":{"zh-CN":"请在白色背景前拍照。","en":"Stand in front of a plain white wall."}},
                           {"rule":"C1","code":"ONE_FACE","verdict":"PASS","measured":1,"threshold":"= 1","unit":"faces",
                            "message":{"zh-CN":"检测到一张人脸。","en":"One face found."}}],
                 "annotated":{"contentType":"image/jpeg","width":64,"height":80,"base64":"%s"},
                 "auditedAt":"2026-11-25T10:00:00Z","durationMillis":42}
                """.formatted(id, ALICE, photoId, Base64.getEncoder().encodeToString(TestImages.jpeg()));
        String eventId = kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(), failed);

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(ALICE))
                .header("Accept-Language", "en").get("/api/v1/applications/" + id)
                .then().statusCode(200)
                .body("status", equalTo("PHOTO_REJECTED"))
                .body("nextAction", equalTo("UPLOAD_PHOTO"))
                .body("photoAudit.verdict", equalTo("FAIL"))
                .body("photoAudit.source", equalTo("APPLICANT_UPLOAD"))
                .body("photoAudit.failures", hasSize(1))
                .body("photoAudit.failures[0].rule", equalTo("R2"))
                .body("photoAudit.failures[0].measured", equalTo(0.41f))
                .body("photoAudit.failures[0].unit", equalTo("white share of the background"))
                .body("photoAudit.failures[0].message", equalTo("Stand in front of a plain white wall.")));
        // what was measured and how to fix it, both in the applicant's language
        given().auth().oauth2(Tokens.forApplicant(ALICE)).get("/api/v1/applications/" + id)
                .then().body("photoAudit.failures[0].unit", equalTo("背景中白色的比例"))
                .body("photoAudit.failures[0].message", equalTo("请在白色背景前拍照。"));
        // a unit written before units had both languages (C1's "faces" above) reads as written, in either language
        given().auth().oauth2(Tokens.forApplicant(ALICE)).get("/api/v1/applications/" + id + "/photo-audits")
                .then().body("[0].checks.find { it.rule == 'C1' }.unit", equalTo("faces"))
                .body("[0].checks.find { it.rule == 'R2' }.unit", equalTo("背景中白色的比例"));
        given().auth().oauth2(Tokens.forApplicant(ALICE)).get("/api/v1/applications/" + id + "/photo/annotated")
                .then().statusCode(200).contentType("image/jpeg");

        // Redelivery of the same event (same ce_id) has no second effect.
        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(), failed, eventId);
        String marker = kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(), failed);
        await().atMost(WAIT).until(() -> processedCount(marker) == 1);
        assertEquals(1, processedCount(eventId));
    }

    @Test
    void anIdCardSideUploadIsPublishedAndTheMissingSideIsAskedFor() throws Exception {
        String id = create(BOB, null);
        given().auth().oauth2(Tokens.forApplicant(BOB)).contentType("image/png").body(TestImages.jpeg())
                .put("/api/v1/applications/" + id + "/id-card/front")
                .then().statusCode(202).body("uploadId", notNullValue());
        given().auth().oauth2(Tokens.forApplicant(BOB)).get("/api/v1/applications/" + id).then()
                .body("status", equalTo("ID_CARD_CHECKING"))
                .body("nextAction", equalTo("UPLOAD_ID_CARD"))
                .body("idCard.front", equalTo("RECEIVED"));

        ConsumerRecord<String, String> uploaded = kafka.await(Topics.IDCARD_UPLOADS,
                r -> id.equals(r.key()) && EventType.ID_CARD_SIDE_UPLOADED.type().equals(KafkaTestClient.header(r, "ce_type")),
                WAIT);
        JsonNode event = json.readTree(uploaded.value());
        assertTrue(EventSchemas.violations(EventType.ID_CARD_SIDE_UPLOADED, event).isEmpty());
        assertEquals("FRONT", event.get("side").asText());
        assertEquals("image/jpeg", event.get("contentType").asText(), "the sniffed type, not the declared one");

        given().auth().oauth2(Tokens.forApplicant(BOB)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + id + "/id-card/back").then().statusCode(202);
        given().auth().oauth2(Tokens.forApplicant(BOB)).get("/api/v1/applications/" + id).then()
                .body("nextAction", equalTo("WAIT"));
        given().auth().oauth2(Tokens.forApplicant(BOB)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + id + "/id-card/middle").then().statusCode(404);
    }

    @Test
    void registryOutcomesAndLicenceEventsMoveTheApplication() {
        String id = create(BOB, null);
        kafka.publishEvent(Topics.IDCARD_EVENTS, id, EventType.ID_CARD_UPLOAD_REQUIRED.type(),
                "{\"applicationId\":\"" + id + "\",\"reason\":\"CARD_ISSUED_BEFORE_CUTOFF\"}");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(BOB))
                .get("/api/v1/applications/" + id).then()
                .body("status", equalTo("ID_CARD_REQUIRED"))
                .body("nextAction", equalTo("UPLOAD_ID_CARD"))
                .body("notice.code", equalTo("CARD_ISSUED_BEFORE_CUTOFF")));

        kafka.publishEvent(Topics.LICENCE_EVENTS, id, EventType.LICENCE_REFUSED.type(),
                "{\"applicationId\":\"" + id + "\",\"code\":\"NO_DRIVING_LICENCE_RECORD\","
                        + "\"message\":{\"zh-CN\":\"没有驾驶证记录。\",\"en\":\"No driving-licence record.\"}}");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(BOB))
                .header("Accept-Language", "en").get("/api/v1/applications/" + id).then()
                .body("status", equalTo("REFUSED"))
                .body("nextAction", equalTo("NONE"))
                .body("notice.message", equalTo("No driving-licence record.")));
        given().auth().oauth2(Tokens.forApplicant(BOB)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + id + "/photo")
                .then().statusCode(409).body("code", equalTo("APPLICATION_SETTLED"));
    }

    @Test
    void anIssuedLicenceIsServedWithItsQrCodeAndAsAnMsoMdocCredential() throws Exception {
        String id = create(ALICE, null);
        given().auth().oauth2(Tokens.forApplicant(ALICE)).get("/api/v1/applications/" + id + "/licence/qr.png")
                .then().statusCode(404).body("code", equalTo("LICENCE_NOT_ISSUED"));
        requestCredential(ALICE, id, "org.iso.18013.5.1.mDL").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("LICENCE_NOT_ISSUED"));

        String jws = "eyJhbGciOiJFUzI1NiJ9.eyJsaWNlbmNlIjoiMTEwMTAwNDE1ODIzIn0.c2lnbmF0dXJl";
        String issuerSigned = "omppc3N1ZXJBdXRogGpuYW1lU3BhY2VzoA";
        String qrText = "ELV1:0123456789ABCDEF0123456789ABCDEF";
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        com.google.zxing.client.j2se.MatrixToImageWriter.writeToStream(new com.google.zxing.qrcode.QRCodeWriter()
                .encode(qrText, com.google.zxing.BarcodeFormat.QR_CODE, 300, 300), "PNG", png);
        String issued = """
                {"applicationId":"%s","applicantId":"%s","licenceNumber":"110100415823","holderName":"张伟","licenceClasses":["C1"],
                 "validFrom":"2026-11-25","validUntil":"2031-06-18","issuingAuthority":"Beijing Traffic Management Bureau",
                 "status":"ACTIVE","issuedAt":"2026-11-25T10:00:00Z",
                 "credentials":[{"format":"mso_mdoc","value":"%s"},{"format":"jws","value":"%s"}],
                 "qrCode":{"contentType":"image/png","width":300,"height":300,"base64":"%s"}}
                """;
        // a licence whose holder is someone else is not this applicant's, even as the application's first
        kafka.publishEvent(Topics.LICENCE_EVENTS, id, EventType.LICENCE_ISSUED.type(),
                issued.formatted(id, BOB, issuerSigned, jws, Base64.getEncoder().encodeToString(png.toByteArray())));
        String refusal = KafkaTestClient.header(kafka.awaitDeadLetters("application-service.dlq", id, 1, WAIT).get(0),
                "dead-letter-reason");
        assertTrue(refusal.contains("LicenceIssued for application " + id + " names another applicant"), refusal);
        assertFalse(refusal.contains(BOB), refusal);
        given().auth().oauth2(Tokens.forApplicant(ALICE)).get("/api/v1/applications/" + id + "/licence")
                .then().statusCode(404);
        // a status change before any licence is shown is dead-lettered too, to be replayed after the licence: taken as
        // nothing, a revocation was lost, and the licence shown ACTIVE once its licence.issued was replayed
        kafka.publishEvent(Topics.LICENCE_EVENTS, id, EventType.LICENCE_STATUS_CHANGED.type(),
                "{\"applicationId\":\"" + id + "\",\"licenceNumber\":\"110100415823\",\"status\":\"REVOKED\","
                        + "\"changedAt\":\"2026-11-25T12:00:00Z\"}");
        String early = KafkaTestClient.header(kafka.awaitDeadLetters("application-service.dlq", id, 2, WAIT).get(1),
                "dead-letter-reason");
        assertTrue(early.contains("LicenceStatusChanged for application " + id + " came before its licence"), early);
        kafka.publishEvent(Topics.LICENCE_EVENTS, id, EventType.LICENCE_ISSUED.type(),
                issued.formatted(id, ALICE, issuerSigned, jws, Base64.getEncoder().encodeToString(png.toByteArray())));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(ALICE))
                .get("/api/v1/applications/" + id).then().body("status", equalTo("LICENCE_ISSUED")));
        given().auth().oauth2(Tokens.forApplicant(ALICE)).get("/api/v1/applications/" + id + "/licence").then()
                .statusCode(200).body("licenceNumber", equalTo("110100415823")).body("qrCode", equalTo(null));
        // byte for byte what the issuer published, without the QR code and the holder's ID number (the view is typed
        // jsonb since V5)
        String licence = "{\"applicationId\":\"" + id + "\",\"licenceNumber\":\"110100415823\",\"holderName\":\"张伟\","
                + "\"licenceClasses\":[\"C1\"],\"validFrom\":\"2026-11-25\",\"validUntil\":\"2031-06-18\","
                + "\"issuingAuthority\":\"Beijing Traffic Management Bureau\",\"status\":\"%s\","
                + "\"issuedAt\":\"2026-11-25T10:00:00Z\",\"credentials\":[{\"format\":\"mso_mdoc\",\"value\":\""
                + issuerSigned + "\"},{\"format\":\"jws\",\"value\":\"" + jws + "\"}]%s}";
        assertEquals(licence.formatted("ACTIVE", ""), given().auth().oauth2(Tokens.forApplicant(ALICE))
                .get("/api/v1/applications/" + id + "/licence").then().extract().asString());
        kafka.publishEvent(Topics.LICENCE_EVENTS, id, EventType.LICENCE_STATUS_CHANGED.type(),
                "{\"applicationId\":\"" + id + "\",\"licenceNumber\":\"110100415823\",\"status\":\"SUSPENDED\","
                        + "\"changedAt\":\"2026-11-26T10:00:00Z\"}");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(licence.formatted("SUSPENDED",
                ",\"statusChangedAt\":\"2026-11-26T10:00:00Z\""),
                given().auth().oauth2(Tokens.forApplicant(ALICE)).get("/api/v1/applications/" + id + "/licence")
                        .then().extract().asString()));
        byte[] served = given().auth().oauth2(Tokens.forApplicant(ALICE))
                .get("/api/v1/applications/" + id + "/licence/qr.png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served));
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)));
        assertEquals(qrText, new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText());
        given().auth().oauth2(Tokens.forApplicant(BOB)).get("/api/v1/applications/" + id + "/licence/qr.png")
                .then().statusCode(404);

        // OpenID4VCI-style: the bare IssuerSigned as mso_mdoc, only to its applicant, only the mDL configuration.
        requestCredential(ALICE, id, "org.iso.18013.5.1.mDL").then().statusCode(200)
                .body("credentials.size()", equalTo(1)).body("credentials[0].credential", equalTo(issuerSigned));
        requestCredential(ALICE, id, "eu.europa.ec.eudi.pid.1").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_CREDENTIAL_CONFIGURATION"));
        requestCredential(BOB, id, "org.iso.18013.5.1.mDL").then().statusCode(404);
    }

    private static io.restassured.response.Response requestCredential(String applicant, String id, String configuration) {
        return given().auth().oauth2(Tokens.forApplicant(applicant)).contentType("application/json")
                .body("{\"credential_configuration_id\":\"" + configuration + "\"}")
                .post("/api/v1/applications/" + id + "/credential");
    }

    /**
     * A verdict is checked against what the service knows: a PASS that one of its own checks contradicts, and a
     * verdict that would move another application's photo (its checks and annotated copy) to this one, are
     * dead-lettered and change nothing.
     */
    @Test
    void aSelfContradictingPassAndAVerdictOnAnotherApplicationsPhotoAreDeadLettered() throws Exception {
        String first = create(CAROL, null);
        String photoId = uploadedPhoto(CAROL, first);
        // every rule is there (a PASS leaving one out is poison too): R2 failed
        String verdict = UPLOAD_VERDICT.replace("%s]", R2_FAILED + "]");
        assertTrue(verdict.contains("BACKGROUND_NOT_WHITE"));
        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, first, EventType.PHOTO_AUDITED.type(),
                verdict.formatted(first, CAROL, photoId, "PASS").replace("\"auditedAt\"",
                        "\"portrait\":{\"contentType\":\"image/jpeg\",\"width\":64,\"height\":80,\"base64\":\""
                                + Base64.getEncoder().encodeToString(TestImages.jpeg()) + "\"},\"auditedAt\""));
        String failed = kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, first, EventType.PHOTO_AUDITED.type(),
                verdict.formatted(first, CAROL, photoId, "FAIL"));
        await().atMost(WAIT).until(() -> processedCount(failed) == 1);

        String second = create(DAVID, null);
        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, second, EventType.PHOTO_AUDITED.type(),
                verdict.formatted(second, DAVID, photoId, "FAIL"));
        String reasons = java.util.stream.Stream.of(first, second)
                .flatMap(id -> kafka.awaitDeadLetters("application-service.dlq", id, 1, WAIT).stream())
                .map(r -> KafkaTestClient.header(r, "dead-letter-reason")).toList().toString();
        assertTrue(reasons.contains("is a PASS its checks do not bear out"), reasons);
        assertTrue(reasons.contains("of another application"), reasons);
        given().auth().oauth2(Tokens.forApplicant(CAROL)).get("/api/v1/applications/" + first)
                .then().body("status", equalTo("PHOTO_REJECTED"));
        given().auth().oauth2(Tokens.forApplicant(CAROL)).get("/api/v1/applications/" + first + "/photo-audits")
                .then().body("", hasSize(1));
        given().auth().oauth2(Tokens.forApplicant(DAVID)).get("/api/v1/applications/" + second + "/photo-audits")
                .then().body("", hasSize(0));
    }

    /**
     * A photo is audited once: its first verdict was acted on (the application moved, the issuer was told), so a
     * second report on the same photo, an audit request replayed, changes nothing. Before, a FAIL after a PASS showed
     * the applicant a rejection, its checks and its annotated copy while the licence was being issued.
     */
    @Test
    void aPhotosFirstVerdictStands() throws Exception {
        String applicant = "110101198007070030";
        String id = create(applicant, null);
        String photoId = uploadedPhoto(applicant, id);
        String passed = UPLOAD_VERDICT.formatted(id, applicant, photoId, "PASS", PassedChecks.json()).replace("\"auditedAt\"",
                "\"portrait\":{\"contentType\":\"image/jpeg\",\"width\":64,\"height\":80,\"base64\":\""
                        + Base64.getEncoder().encodeToString(TestImages.jpeg()) + "\"},\"auditedAt\"");
        String failed = UPLOAD_VERDICT.formatted(id, applicant, photoId, "FAIL", R2_FAILED);
        assertTrue(failed.contains("BACKGROUND_NOT_WHITE"));
        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(), passed);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(applicant))
                .get("/api/v1/applications/" + id).then().body("status", equalTo("LICENCE_PENDING")));

        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(), failed);
        String reason = KafkaTestClient.header(kafka.awaitDeadLetters("application-service.dlq", id, 1, WAIT).get(0),
                "dead-letter-reason");
        assertTrue(reason.contains("the verdict FAIL after PASS; a photo's first verdict stands"), reason);
        String repeated = kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(), passed);
        await().atMost(WAIT).until(() -> processedCount(repeated) == 1);

        given().auth().oauth2(Tokens.forApplicant(applicant)).get("/api/v1/applications/" + id).then()
                .body("status", equalTo("LICENCE_PENDING")).body("photoAudit.verdict", equalTo("PASS"));
        given().auth().oauth2(Tokens.forApplicant(applicant)).get("/api/v1/applications/" + id + "/photo-audits")
                .then().body("", hasSize(1)).body("[0].verdict", equalTo("PASS"));
        // the issuer was told once, by the first report: read from the outbox, where each handling's events commit
        // with it (the topic may not have them yet)
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_message WHERE message_key = :id AND event_type = :type")
                .setParameter("id", id).setParameter("type", EventType.PHOTO_ACCEPTED.type()).getSingleResult())
                .longValue()));
    }

    @Test
    void poisonEventsAreDeadLetteredAndThePartitionMovesOn() {
        String id = create(BOB, null);
        kafka.publishRaw(Topics.IDCARD_EVENTS, id, "{this is not json", Map.of());
        kafka.publishEvent(Topics.IDCARD_EVENTS, id, EventType.ID_CARD_UPLOAD_REQUIRED.type(), "{\"applicationId\":\"" + id + "\"}");
        kafka.publishEvent(Topics.IDCARD_EVENTS, id, "org.elicence.unknown.v9", "{}");
        kafka.publishEvent(Topics.IDCARD_EVENTS, id, EventType.ID_CARD_UPLOAD_REQUIRED.type(),
                "{\"applicationId\":\"" + id + "\",\"reason\":\"NO_USABLE_PHOTO\"}");

        var deadLetters = kafka.awaitDeadLetters("application-service.dlq", id, 3, WAIT);
        String reasons = deadLetters.stream().map(r -> KafkaTestClient.header(r, "dead-letter-reason") + " @"
                + KafkaTestClient.header(r, "dead-letter-offset")).toList().toString();
        assertTrue(KafkaTestClient.header(deadLetters.get(0), "dead-letter-reason").contains("missing CloudEvents header"), reasons);
        assertTrue(KafkaTestClient.header(deadLetters.get(1), "dead-letter-reason").contains("schema"), reasons);
        assertTrue(KafkaTestClient.header(deadLetters.get(2), "dead-letter-reason").contains("unknown event type"), reasons);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(BOB))
                .get("/api/v1/applications/" + id).then().body("status", equalTo("ID_CARD_REQUIRED")));
    }

    /**
     * A photo review case still pending when its application closed (a licence issued another way) has nothing left
     * to decide: its images go with the application's annotated photo, instead of being kept for ever.
     */
    @Test
    void aPendingPhotoCaseOfAClosedApplicationLosesItsImagesWithTheRest() throws Exception {
        String applicant = "110101198501010017";
        String id = create(applicant, null);
        String audited = """
                {"applicationId":"%s","applicantId":"%s","photoId":"%s","source":"ID_REGISTRY","verdict":"FAIL",
                 "checks":[{"rule":"R6","code":"HAIR_NOT_ASSESSABLE","verdict":"NOT_ASSESSABLE",
                            "message":{"zh-CN":"无法判断。","en":"Could not be judged."}}],
                 "annotated":{"contentType":"image/jpeg","width":64,"height":80,"base64":"%s"},
                 "auditedAt":"2026-11-25T10:00:00Z","durationMillis":5}
                """.formatted(id, applicant, java.util.UUID.randomUUID(),
                        Base64.getEncoder().encodeToString(TestImages.jpeg()));
        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(), audited);
        // the registry's photo, not one the applicant took: the app says so beside the audit
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(applicant))
                .get("/api/v1/applications/" + id).then().body("status", equalTo("PHOTO_UNDER_REVIEW"))
                .body("photoAudit.source", equalTo("ID_REGISTRY")));
        kafka.publishEvent(Topics.LICENCE_EVENTS, id, EventType.LICENCE_ISSUED.type(), """
                {"applicationId":"%s","applicantId":"%s","licenceNumber":"110100415824","holderName":"王芳","licenceClasses":["C1"],
                 "validFrom":"2026-11-25","validUntil":"2031-06-18","issuingAuthority":"Beijing Traffic Management Bureau",
                 "status":"ACTIVE","issuedAt":"2026-11-25T10:00:00Z",
                 "credentials":[{"format":"mso_mdoc","value":"omppc3N1ZXJBdXRogA"},{"format":"jws","value":"e30.e30.c2ln"}]}
                """.formatted(id, applicant));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(applicant))
                .get("/api/v1/applications/" + id).then().body("status", equalTo("LICENCE_ISSUED")));
        String caseImages = "SELECT count(*) FROM photo_review_case WHERE application_id = :id AND status = 'PENDING' "
                + "AND annotated IS NOT NULL";
        assertEquals(1, ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(caseImages)
                .setParameter("id", java.util.UUID.fromString(id)).getSingleResult())).intValue());

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE application SET closed_at = now() - interval '31 days' WHERE id = :id")
                .setParameter("id", java.util.UUID.fromString(id)).executeUpdate());
        retention.purgeExpiredPhotos();
        assertEquals(0, ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(caseImages)
                .setParameter("id", java.util.UUID.fromString(id)).getSingleResult())).intValue());
    }

    /**
     * An application takes at most applications.uploads.per-application images in its life (portraits and card sides
     * alike), each counted when taken: the last one allowed is taken, the next is refused 409 UPLOADS_EXHAUSTED with
     * what to do instead, and nothing about the application changes.
     */
    @Test
    void anApplicationTakesABoundedNumberOfImages() {
        String id = create(DAVID, null);
        int allowed = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("applications.uploads.per-application", Integer.class);
        // as if the applicant had sent all but one already (sending them would take minutes at the rate limit)
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE application SET uploads_taken = :taken WHERE id = :id")
                .setParameter("taken", allowed - 1).setParameter("id", java.util.UUID.fromString(id)).executeUpdate());
        given().auth().oauth2(Tokens.forApplicant(DAVID)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + id + "/id-card/front").then().statusCode(202);
        String status = given().auth().oauth2(Tokens.forApplicant(DAVID)).get("/api/v1/applications/" + id)
                .then().extract().path("status");
        for (String path : new String[] {"/photo", "/id-card/back"}) {
            given().auth().oauth2(Tokens.forApplicant(DAVID)).header("Accept-Language", "en").contentType("image/jpeg")
                    .body(TestImages.jpeg()).put("/api/v1/applications/" + id + path).then().statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("UPLOADS_EXHAUSTED"))
                    .body("detail", org.hamcrest.Matchers.containsString(allowed + " images"));
        }
        given().auth().oauth2(Tokens.forApplicant(DAVID)).get("/api/v1/applications/" + id).then()
                .body("status", equalTo(status));
        assertEquals(allowed, ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT uploads_taken FROM application WHERE id = :id")
                .setParameter("id", java.util.UUID.fromString(id)).getSingleResult())).intValue());
    }

    @Test
    void annotatedPhotosOfClosedApplicationsAreDeletedAfterTheirRetention() throws Exception {
        String id = create(ALICE, null);
        String photoId = java.util.UUID.randomUUID().toString();
        String audited = """
                {"applicationId":"%s","applicantId":"%s","photoId":"%s","source":"ID_REGISTRY","verdict":"FAIL",
                 "checks":[{"rule":"C1","code":"NO_FACE","verdict":"FAIL","message":{"zh-CN":"未检测到人脸。","en":"No face found."}}],
                 "annotated":{"contentType":"image/jpeg","width":64,"height":80,"base64":"%s"},
                 "auditedAt":"2026-11-25T10:00:00Z","durationMillis":5}
                """.formatted(id, ALICE, photoId, Base64.getEncoder().encodeToString(TestImages.jpeg()));
        kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(), audited);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(ALICE))
                .get("/api/v1/applications/" + id + "/photo/annotated").then().statusCode(200));

        retention.purgeExpiredPhotos();
        given().auth().oauth2(Tokens.forApplicant(ALICE)).get("/api/v1/applications/" + id + "/photo/annotated")
                .then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE application SET closed_at = now() - interval '31 days' WHERE id = :id")
                .setParameter("id", java.util.UUID.fromString(id)).executeUpdate());
        assertTrue(retention.purgeExpiredPhotos() >= 1);
        given().auth().oauth2(Tokens.forApplicant(ALICE)).get("/api/v1/applications/" + id + "/photo/annotated")
                .then().statusCode(404).body("code", equalTo("NO_AUDITED_PHOTO"));
    }

    /**
     * V5 turned the view's text columns into jsonb as they were: what the service wrote before (key order of a Java
     * Map, a licence with every field) reads as it did, and the mobile API answers the same.
     */
    @Test
    void aViewWrittenBeforeV5ReadsAsBefore() {
        String id = create(ALICE, null);
        String photo = java.util.UUID.randomUUID().toString();
        String audit = "{\"checks\":[{\"rule\":\"R3\",\"code\":\"FACE_TOO_SMALL\",\"verdict\":\"FAIL\",\"measured\":0.41,"
                + "\"threshold\":\">= 0.50\",\"unit\":\"face height / image height\",\"message\":{\"zh-CN\":\"脸太小\","
                + "\"en\":\"The face is too small.\"}},{\"rule\":\"R1\",\"code\":\"OK\",\"verdict\":\"PASS\"}],"
                + "\"photoId\":\"" + photo + "\",\"verdict\":\"FAIL\"}";
        String notice = "{\"message\":{\"zh-CN\":\"没有驾驶证记录。\",\"en\":\"No driving-licence record.\"},"
                + "\"code\":\"NO_DRIVING_LICENCE_RECORD\"}";
        String licence = "{\"applicationId\":\"" + id + "\",\"licenceNumber\":\"110100415823\",\"holderName\":\"张伟\","
                + "\"licenceClasses\":[\"C1\"],\"validFrom\":\"2026-11-25\",\"validUntil\":\"2031-06-18\","
                + "\"issuingAuthority\":\"Beijing Traffic Management Bureau\",\"status\":\"REVOKED\","
                + "\"issuedAt\":\"2026-11-25T10:00:00.123456Z\",\"credentials\":[{\"format\":\"jws\",\"value\":\"a.b.c\"}]}";
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("UPDATE application SET "
                + "photo_audit = CAST(:audit AS jsonb), notice = CAST(:notice AS jsonb), licence = CAST(:licence AS jsonb), "
                + "current_photo_id = CAST(:photo AS uuid) WHERE id = :id").setParameter("audit", audit)
                .setParameter("notice", notice).setParameter("photo", photo)
                .setParameter("licence", licence).setParameter("id", java.util.UUID.fromString(id)).executeUpdate());
        given().auth().oauth2(Tokens.forApplicant(ALICE)).header("Accept-Language", "en")
                .get("/api/v1/applications/" + id).then().statusCode(200)
                .body("photoAudit.verdict", equalTo("FAIL")).body("photoAudit.photoId", equalTo(photo))
                .body("photoAudit.failures", hasSize(1)).body("photoAudit.failures[0].rule", equalTo("R3"))
                .body("photoAudit.failures[0].measured", equalTo(0.41f))
                .body("photoAudit.failures[0].threshold", equalTo(">= 0.50"))
                .body("photoAudit.failures[0].message", equalTo("The face is too small."))
                .body("photoAudit.notAssessable", hasSize(0))
                .body("notice.code", equalTo("NO_DRIVING_LICENCE_RECORD"))
                .body("notice.message", equalTo("No driving-licence record."))
                .body("licence.status", equalTo("REVOKED"));
        assertEquals(licence, given().auth().oauth2(Tokens.forApplicant(ALICE))
                .get("/api/v1/applications/" + id + "/licence").then().statusCode(200).extract().asString());
    }

    /** Uploads a photo to the application and returns the id its audit request names. */
    private String uploadedPhoto(String applicant, String id) throws Exception {
        given().auth().oauth2(Tokens.forApplicant(applicant)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + id + "/photo").then().statusCode(202);
        return json.readTree(kafka.await(Topics.PHOTO_AUDIT_REQUESTS, r -> id.equals(r.key()), WAIT)
                .value()).get("photoId").asText();
    }

    private long processedCount(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }

    private static String create(String applicant, String idempotencyKey) {
        var request = given().auth().oauth2(Tokens.forApplicant(applicant)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Test Applicant\"}");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/applications").then().statusCode(201)
                .header("Location", notNullValue())
                .extract().path("id");
    }
}
