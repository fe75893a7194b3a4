package org.elicence.application;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.application.service.HeldApplicationsSweep;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
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
 * Issue 12: staff's whole record holds every ID-card upload, every card review case and every decision on it, as
 * application-service hears them from idcard-service's events on the real broker (idcard-service is played by
 * publishing its events, exactly as it would).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class IdCardRecordTest {

    private static final String CAROL = "440305197806141286";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "{\"contentType\":\"image/jpeg\",\"width\":1,\"height\":1,\"base64\":\"/9j/4A==\"}";

    private static KafkaTestClient kafka;

    @Inject
    HeldApplicationsSweep sweep;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void everyCardUploadCaseAndDecisionIsInStaffsRecord() throws Exception {
        String id = create(CAROL);
        String firstFront = upload(id, "front");
        String back = upload(id, "back");
        String secondFront = upload(id, "front");
        sideChecked(id, firstFront, "FRONT", "FAIL", "ID3");
        sideChecked(id, back, "BACK", "PASS", "ID10");
        sideChecked(id, secondFront, "FRONT", "PASS", "ID3");

        String caseId = caseOpened(id, CAROL, secondFront, back);
        String decisionId = UUID.randomUUID().toString();
        kafka.publishEvent(Topics.IDCARD_REVIEW_DECISIONS_REJECTED, id,
                EventType.ID_CARD_REVIEW_DECISION_REJECTED.type(), """
                {"decisionId":"d-unsigned","caseId":"%s","applicationId":"%s","reviewerId":"intruder",
                 "code":"REVIEWER_NOT_AUTHORISED","reason":"not a reviewer","receivedValue":"{}","sourcePartition":0,
                 "sourceOffset":7,"rejectedAt":"2026-03-01T10:05:00Z"}""".formatted(caseId, id));
        // A refusal of a decision on no known case names no application: nothing of it is anyone's record.
        kafka.publishEvent(Topics.IDCARD_REVIEW_DECISIONS_REJECTED, "unknown",
                EventType.ID_CARD_REVIEW_DECISION_REJECTED.type(), """
                {"decisionId":"d-lost","caseId":"nope","code":"UNKNOWN_CASE","reason":"no review case nope",
                 "receivedValue":"{}","sourcePartition":0,"sourceOffset":8,"rejectedAt":"2026-03-01T10:06:00Z"}""");
        kafka.publishEvent(Topics.IDCARD_REVIEW_CASES, id, EventType.ID_CARD_REVIEW_CASE_CLOSED.type(), """
                {"caseId":"%s","applicationId":"%s","status":"REJECTED","decisionId":"%s","reviewerId":"reviewer-002",
                 "reason":"人像磨损","closedAt":"2026-03-01T10:10:00Z"}""".formatted(caseId, id, decisionId));

        JsonNode card = await().atMost(WAIT).until(() -> record(id).get("idCard"),
                c -> c.at("/reviewCases/0/decisions").size() == 2 && c.get("uploads").size() == 3
                        && c.get("uploads").findValues("verdict").stream().noneMatch(JsonNode::isNull));

        JsonNode uploads = card.get("uploads");
        assertEquals(List.of(secondFront, back, firstFront), List.of(uploads.get(0).get("uploadId").asText(),
                uploads.get(1).get("uploadId").asText(), uploads.get(2).get("uploadId").asText()), "newest first");
        assertEquals("FAIL", uploads.get(2).get("verdict").asText());
        assertEquals("FRONT", uploads.get(2).get("side").asText());
        assertEquals("ID3", uploads.get(2).at("/checks/0/rule").asText());
        assertEquals(0.42, uploads.get(2).at("/checks/0/measured").asDouble());
        assertEquals("PASS", uploads.get(1).get("verdict").asText());

        JsonNode reviewCase = card.at("/reviewCases/0");
        assertEquals(1, card.get("reviewCases").size());
        assertEquals(caseId, reviewCase.get("caseId").asText());
        assertEquals("REJECTED", reviewCase.get("status").asText());
        assertEquals("CARD_ISSUED_BEFORE_CUTOFF", reviewCase.get("uploadReason").asText());
        assertEquals(secondFront, reviewCase.get("frontUploadId").asText());
        assertEquals("ID10", reviewCase.at("/backChecks/0/rule").asText());
        assertEquals("reviewer-002", reviewCase.get("reviewerId").asText());
        assertEquals("人像磨损", reviewCase.get("reason").asText());
        assertEquals("REFUSED", reviewCase.at("/decisions/0/outcome").asText());
        assertEquals("REVIEWER_NOT_AUTHORISED", reviewCase.at("/decisions/0/refusalCode").asText());
        assertEquals("ACCEPTED", reviewCase.at("/decisions/1/outcome").asText());
        assertEquals("REJECTED", reviewCase.at("/decisions/1/result").asText());
        assertEquals(decisionId, reviewCase.at("/decisions/1/decisionId").asText());
        assertEquals("/internal/applicants/" + id + "/record", card.get("record").asText());

        // The status history, read back from its JSON column: every move, oldest first, ending where it is now.
        JsonNode record = record(id);
        JsonNode history = record.get("statusHistory");
        assertEquals("SUBMITTED", history.get(0).get("status").asText(), history.toString());
        assertEquals("ID_CARD_CHECKING", history.get(1).get("status").asText(), history.toString());
        assertEquals("UPLOAD_ID_CARD", history.get(1).get("nextAction").asText(), "the back was still missing");
        assertEquals(record.get("status").asText(), history.get(history.size() - 1).get("status").asText());
        for (int i = 1; i < history.size(); i++) {
            assertEquals(false, java.time.Instant.parse(history.get(i).get("at").asText())
                    .isBefore(java.time.Instant.parse(history.get(i - 1).get("at").asText())), history.toString());
        }
    }

    /**
     * A case opening that names another applicant than the application's, and a case event or decision about another
     * application's case (on idcard-review-cases or idcard-events), are dead-lettered: staff's record (and the held
     * sweep that reads it) never takes another person's case as this application's, nor does the application.
     */
    @Test
    void aCaseOfAnotherApplicantOrApplicationIsDeadLetteredAndKeptOutOfTheRecord() throws Exception {
        String id = create(CAROL);
        String front = upload(id, "front");
        String back = upload(id, "back");
        String own = caseOpened(id, CAROL, front, back);
        await().atMost(WAIT).until(() -> record(id).at("/idCard/reviewCases").size() == 1);
        caseOpened(id, "440305197806141307", front, back);
        String other = create("440305197806141307");
        caseOpened(other, "440305197806141307", own, front, back, "2026-03-01T10:00:00Z");
        closed(other, own);
        opened(other, own);
        rejected(other, own); // staff's decision on another application's case: refused as its opening is

        String reasons = java.util.stream.Stream.of(id, other)
                .flatMap(key -> kafka.awaitDeadLetters("application-service.dlq", key, key.equals(id) ? 1 : 4, WAIT)
                        .stream()).map(r -> KafkaTestClient.header(r, "dead-letter-reason")).toList().toString();
        assertTrue(reasons.contains("names another applicant than the application's"), reasons);
        assertTrue(reasons.contains("of another application"), reasons);
        assertTrue(reasons.contains("IdCardRejected for application " + other + " is about case " + own), reasons);
        assertFalse(reasons.contains("440305197806141307"), "no resident ID in a reason");
        JsonNode cases = record(id).at("/idCard/reviewCases");
        assertEquals(1, cases.size(), cases.toString());
        assertEquals("PENDING", cases.get(0).get("status").asText());
        assertEquals(0, record(other).at("/idCard/reviewCases").size());
        given().auth().oauth2(Tokens.forApplicant("440305197806141307")).get("/api/v1/applications/" + other)
                .then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void aCaseClosedBecauseItsApplicationWasWithdrawnIsInStaffsRecordWithoutADecision() throws Exception {
        String id = create(CAROL);
        String front = upload(id, "front");
        String back = upload(id, "back");
        String caseId = caseOpened(id, CAROL, front, back);
        kafka.publishEvent(Topics.IDCARD_REVIEW_CASES, id, EventType.ID_CARD_REVIEW_CASE_CLOSED.type(), """
                {"caseId":"%s","applicationId":"%s","status":"WITHDRAWN","closedAt":"2026-03-01T10:10:00Z"}"""
                .formatted(caseId, id));

        JsonNode reviewCase = await().atMost(WAIT).until(() -> record(id).at("/idCard/reviewCases/0"),
                c -> "WITHDRAWN".equals(c.path("status").asText()));
        assertEquals("2026-03-01T10:10:00Z", reviewCase.get("closedAt").asText());
        assertEquals(0, reviewCase.get("decisions").size(), "no one decided it");
    }

    /**
     * An opening of a card case replayed after staff closed the case (the runbook replays dead letters) does not put
     * the application back under review: it would wait there for a decision already made.
     */
    @Test
    void anOpeningOfACaseStaffAlreadyClosedMovesNothing() throws Exception {
        String applicant = "440305197806141307";
        String id = create(applicant);
        String caseId = reviewRound(id, applicant, "2026-03-01T10:00:00Z", false);
        awaitStatus(id, applicant, "ID_CARD_REJECTED");
        await().atMost(WAIT).until(() -> record(id).at("/idCard/reviewCases/0/status").asText(), "REJECTED"::equals);

        opened(id, caseId); // replayed
        // read after it on the same partition: once the record shows this, the replay was handled
        String front = record(id).at("/idCard/reviewCases/0/frontUploadId").asText();
        sideChecked(id, front, "FRONT", "FAIL", "ID3");
        await().atMost(WAIT).until(() -> record(id).at("/idCard/uploads").findValuesAsText("verdict"),
                verdicts -> verdicts.contains("FAIL"));
        given().auth().oauth2(Tokens.forApplicant(applicant)).get("/api/v1/applications/" + id).then()
                .body("status", equalTo("ID_CARD_REJECTED")).body("notice.code", equalTo("ID_CARD_REJECTED"))
                .body("idCard", nullValue());
    }

    /**
     * Staff rejected the card, staff's record heard it, but the rejection's own event never came (dead-lettered):
     * the application waited under review, unwithdrawable, for a decision already made. The held sweep moves it as the
     * rejection would have, with the reviewer's reason from staff's record, once the case has been closed longer
     * than the bound (an event on its way is waited for); the rejection, replayed after the applicant uploaded again,
     * moves nothing.
     */
    @Test
    void aCardRejectionThatNeverArrivesIsReadFromStaffsRecordByTheSweep() throws Exception {
        String applicant = "440305197806141323";
        String id = create(applicant);
        Sides sides = bothSidesPassed(id, applicant);
        String caseId = caseOpened(id, applicant, sides.front(), sides.back());
        opened(id, caseId);
        awaitStatus(id, applicant, "ID_CARD_UNDER_REVIEW");
        closed(id, caseId);
        await().atMost(WAIT).until(() -> record(id).at("/idCard/reviewCases/0/status").asText(), "REJECTED"::equals);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE application SET updated_at = now() - interval '1 hour' WHERE id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());

        sweep.sweep();
        awaitStatus(id, applicant, "ID_CARD_UNDER_REVIEW"); // closed a moment ago: its event may be on its way

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE id_card_review_case SET closed_at = now() - interval '1 hour' "
                        + "WHERE case_id = :id").setParameter("id", UUID.fromString(caseId)).executeUpdate());
        sweep.sweep();
        given().auth().oauth2(Tokens.forApplicant(applicant)).header("Accept-Language", "en")
                .get("/api/v1/applications/" + id).then().statusCode(200)
                .body("status", equalTo("ID_CARD_REJECTED")).body("nextAction", equalTo("UPLOAD_ID_CARD"))
                .body("idCard", nullValue()).body("notice.code", equalTo("ID_CARD_NOT_ACCEPTED"))
                .body("notice.message", equalTo("Your ID card was not accepted: the portrait is worn. Please upload new "
                        + "photos of the front and back of your ID card."));
        given().auth().oauth2(Tokens.forApplicant(applicant)).get("/api/v1/applications/" + id).then()
                .body("notice.message", equalTo("身份证审核未通过：人像磨损。请按要求重新上传身份证正面和反面的照片。"));

        String newFront = upload(id, "front", applicant);
        rejected(id, caseId);
        // read after it on the same partition: once the record shows this, the replay was handled
        sideChecked(id, sides.front(), "FRONT", "FAIL", "ID3");
        await().atMost(WAIT).until(() -> record(id).at("/idCard/uploads").findValuesAsText("verdict"),
                verdicts -> verdicts.contains("FAIL"));
        given().auth().oauth2(Tokens.forApplicant(applicant)).get("/api/v1/applications/" + id).then()
                .body("status", equalTo("ID_CARD_CHECKING")).body("idCard.front", equalTo("RECEIVED"))
                .body("notice.code", equalTo("ID_CARD_NOT_ACCEPTED"));
        assertEquals(1, record(id).at("/idCard/uploads").findValuesAsText("uploadId").stream()
                .filter(newFront::equals).count());
    }

    /**
     * While staff review the card, a side sent again would wait unseen: idcard-service opens no second case while one
     * is pending, staff decide on the sides it replaced, and a rejection would make it count for nothing. It is refused
     * before its body is read, saying so; a portrait, the other way to a licence, is still taken.
     */
    @Test
    void aCardUnderReviewTakesNoSideButAPortrait() throws Exception {
        String applicant = "440305197806141358";
        String id = create(applicant);
        Sides sides = bothSidesPassed(id, applicant);
        opened(id, caseOpened(id, applicant, sides.front(), sides.back()));
        awaitStatus(id, applicant, "ID_CARD_UNDER_REVIEW");

        given().auth().oauth2(Tokens.forApplicant(applicant)).header("Accept-Language", "en").contentType("image/jpeg")
                .body(TestImages.jpeg()).put("/api/v1/applications/" + id + "/id-card/front").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ID_CARD_UNDER_REVIEW"))
                .body("title", equalTo("Staff are reviewing your ID card"));
        assertEquals(java.util.Set.of(sides.front(), sides.back()), java.util.Set.copyOf(record(id).at("/idCard/uploads")
                .findValuesAsText("uploadId")), "nothing kept of the refused side");
        given().auth().oauth2(Tokens.forApplicant(applicant)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + id + "/photo").then().statusCode(202)
                .body("status", equalTo("PHOTO_AUDITING"));
    }

    /**
     * A second round whose case's closing (on idcard-review-cases) overtook its opening (on idcard-events): the
     * opening moves nothing, as for any closed case, but the decision that follows it on idcard-events is the
     * current case's and moves the application (the first round's decided case is not taken for it).
     */
    @Test
    void aSecondCaseWhoseClosingOvertookItsOpeningIsStillDecided() throws Exception {
        String applicant = "440305197806141331";
        String id = create(applicant);
        String first = reviewRound(id, applicant, "2026-03-01T10:00:00Z", false);
        awaitStatus(id, applicant, "ID_CARD_REJECTED");
        String second = reviewRound(id, applicant, "2026-03-02T10:00:00Z", true);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(applicant))
                .header("Accept-Language", "en").get("/api/v1/applications/" + id).then()
                .body("status", equalTo("ID_CARD_REJECTED")).body("idCard", nullValue())
                .body("notice.message", equalTo("Case " + second + " rejected.")));
        assertEquals(List.of("REJECTED", "REJECTED"), record(id).at("/idCard/reviewCases").findValuesAsText("status"));
        assertEquals(first, record(id).at("/idCard/reviewCases/0/caseId").asText());
    }

    /**
     * One review round: both sides uploaded and passed, a case opened and rejected by staff; its closing reaches
     * staff's record before or after its opening reaches the application. Returns the case id.
     */
    private String reviewRound(String id, String applicant, String openedAt, boolean closingFirst) throws Exception {
        Sides sides = bothSidesPassed(id, applicant);
        String caseId = caseOpened(id, applicant, sides.front(), sides.back(), openedAt);
        if (closingFirst) {
            closed(id, caseId);
            await().atMost(WAIT).until(() -> {
                for (JsonNode reviewCase : record(id).at("/idCard/reviewCases")) {
                    if (caseId.equals(reviewCase.path("caseId").asText())) {
                        return "REJECTED".equals(reviewCase.path("status").asText());
                    }
                }
                return false;
            });
            opened(id, caseId);
        } else {
            opened(id, caseId);
            awaitStatus(id, applicant, "ID_CARD_UNDER_REVIEW");
            closed(id, caseId);
        }
        rejected(id, caseId);
        return caseId;
    }

    private static String create(String applicant) {
        return given().auth().oauth2(Tokens.forApplicant(applicant)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Test Applicant\"}").post("/api/v1/applications").then().statusCode(201)
                .extract().path("id");
    }

    private record Sides(String front, String back) {
    }

    /** Both sides uploaded and passed, as the applicant's view shows. */
    private static Sides bothSidesPassed(String id, String applicant) {
        String front = upload(id, "front", applicant);
        String back = upload(id, "back", applicant);
        sideChecked(id, front, "FRONT", "PASS", "ID3");
        sideChecked(id, back, "BACK", "PASS", "ID10");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(applicant))
                .get("/api/v1/applications/" + id).then().body("idCard.front", equalTo("PASS"))
                .body("idCard.back", equalTo("PASS")));
        return new Sides(front, back);
    }

    /** idcard-service's idcard.review-opened of the case. */
    private static void opened(String id, String caseId) {
        kafka.publishEvent(Topics.IDCARD_EVENTS, id, EventType.ID_CARD_REVIEW_OPENED.type(),
                "{\"applicationId\":\"%s\",\"caseId\":\"%s\"}".formatted(id, caseId));
    }

    /** The case's closing by staff's rejection, on idcard-review-cases, now. */
    private static void closed(String id, String caseId) {
        kafka.publishEvent(Topics.IDCARD_REVIEW_CASES, id, EventType.ID_CARD_REVIEW_CASE_CLOSED.type(), """
                {"caseId":"%s","applicationId":"%s","status":"REJECTED","decisionId":"%s","reviewerId":"reviewer-002",
                 "reason":"人像磨损","reasonEn":"the portrait is worn","closedAt":"%s"}""".formatted(caseId, id, UUID.randomUUID(), Instant.now()));
    }

    /** Staff's rejection of the case, on idcard-events, in words naming it. */
    private static void rejected(String id, String caseId) {
        kafka.publishEvent(Topics.IDCARD_EVENTS, id, EventType.ID_CARD_REJECTED.type(), """
                {"applicationId":"%s","caseId":"%s","code":"ID_CARD_REJECTED","message":{"zh-CN":"案件 %s 未通过",
                 "en":"Case %s rejected."}}""".formatted(id, caseId, caseId, caseId));
    }

    private static void awaitStatus(String id, String applicant, String status) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(applicant))
                .get("/api/v1/applications/" + id).then().body("status", equalTo(status)));
    }

    /** idcard-service opened a review case of the two uploads of {@code applicant}; returns its id. */
    private static String caseOpened(String id, String applicant, String front, String back) {
        return caseOpened(id, applicant, front, back, "2026-03-01T10:00:00Z");
    }

    private static String caseOpened(String id, String applicant, String front, String back, String openedAt) {
        return caseOpened(id, applicant, UUID.randomUUID().toString(), front, back, openedAt);
    }

    private static String caseOpened(String id, String applicant, String caseId, String front, String back,
            String openedAt) {
        kafka.publishEvent(Topics.IDCARD_REVIEW_CASES, id, EventType.ID_CARD_REVIEW_CASE_OPENED.type(), """
                {"caseId":"%s","applicationId":"%s","applicantId":"%s","applicantName":"王芳","status":"PENDING",
                 "uploadReason":"CARD_ISSUED_BEFORE_CUTOFF","openedAt":"%s","frontUploadId":"%s",
                 "backUploadId":"%s","frontChecks":[%s],"backChecks":[%s],"front":%s,"back":%s,"portrait":%s}"""
                .formatted(caseId, id, applicant, openedAt, front, back, check("ID3", "PASS"), check("ID10", "PASS"),
                        IMAGE, IMAGE, IMAGE));
        return caseId;
    }

    private static String upload(String id, String side) {
        return upload(id, side, CAROL);
    }

    private static String upload(String id, String side, String applicant) {
        return given().auth().oauth2(Tokens.forApplicant(applicant)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + id + "/id-card/" + side).then().statusCode(202)
                .body("uploadId", notNullValue()).extract().path("uploadId");
    }

    private static void sideChecked(String id, String uploadId, String side, String verdict, String rule) {
        kafka.publishEvent(Topics.IDCARD_EVENTS, id, EventType.ID_CARD_SIDE_CHECKED.type(),
                "{\"applicationId\":\"%s\",\"uploadId\":\"%s\",\"side\":\"%s\",\"verdict\":\"%s\",\"checks\":[%s]}"
                        .formatted(id, uploadId, side, verdict, check(rule, verdict)));
    }

    private static String check(String rule, String verdict) {
        return ("{\"rule\":\"%s\",\"code\":\"CARD_CHECK\",\"verdict\":\"%s\",\"measured\":0.42,\"threshold\":\">= 0.3\","
                + "\"message\":{\"zh-CN\":\"检查\",\"en\":\"a check\"}}").formatted(rule, verdict);
    }

    private static JsonNode record(String id) throws Exception {
        return JSON.readTree(given().auth().oauth2(Tokens.forOperator("reviewer-001"))
                .get("/internal/applications/" + id + "/record").then().statusCode(200).extract().asString());
    }
}
