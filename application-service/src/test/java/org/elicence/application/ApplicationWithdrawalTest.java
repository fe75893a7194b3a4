package org.elicence.application;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.application.service.AbandonedApplicationsSweep;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * An applicant withdraws an application that waits for them; one that waits for a service or is settled cannot be;
 * one left waiting for the applicant too long is closed as abandoned. Each closing is announced once on
 * {@code applications} (for the licence issuer and idcard-service). Against the real database and broker.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class ApplicationWithdrawalTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String APPLICATIONS = "/api/v1/applications/";
    private static KafkaTestClient kafka;

    @Inject
    AbandonedApplicationsSweep sweep;

    @Inject
    EntityManager entityManager;

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
    void anApplicationWaitingForTheApplicantIsWithdrawnOnceAndTakesNothingMore() throws Exception {
        String applicant = "11010119810404001X";
        String id = waitingForTheCard(applicant);

        withdraw(applicant, id).then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("nextAction", equalTo("NONE")).body("notice.code", equalTo("WITHDRAWN_BY_APPLICANT"))
                .body("notice.message", containsString("You withdrew this application"));
        JsonNode announced = withdrawal(id, "BY_APPLICANT");
        assertEquals(applicant, announced.get("applicantId").asText());

        // the app retrying its request gets the same answer, and nothing is announced twice
        withdraw(applicant, id).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(Tokens.forApplicant(applicant)).header("Accept-Language", "en")
                .contentType("image/jpeg").body(TestImages.jpeg()).put(APPLICATIONS + id + "/photo")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("APPLICATION_WITHDRAWN")).body("detail", containsString("open a new application"));
        // told before the body is judged: not "this is no image" about an upload the application would not take
        given().auth().oauth2(Tokens.forApplicant(applicant)).contentType("image/jpeg").body("no image".getBytes())
                .put(APPLICATIONS + id + "/id-card/front").then().statusCode(409)
                .body("code", equalTo("APPLICATION_WITHDRAWN"));
        given().auth().oauth2(Tokens.forApplicant(applicant)).contentType(ContentType.JSON)
                .body("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                        + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}")
                .put(APPLICATIONS + id + "/device-key").then().statusCode(409)
                .body("code", equalTo("APPLICATION_WITHDRAWN"));
        assertEquals(1, announcements(id).size());
        // no one else can withdraw it
        withdraw("110101198104040036", id).then().statusCode(404);
    }

    @Test
    void anApplicationWaitingForAServiceOrSettledCannotBeWithdrawn() {
        String applicant = "110101198104040052";
        String submitted = create(applicant); // the registry is being asked: a service's turn
        withdraw(applicant, submitted).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("APPLICATION_NOT_WITHDRAWABLE")).body("detail", containsString("SUBMITTED"));

        String issued = create(applicant);
        IssuedLicences.publish(kafka, issued, applicant, "110100415820", "申请人");
        await().atMost(WAIT).untilAsserted(() -> view(applicant, issued).then().body("status", equalTo("LICENCE_ISSUED")));
        withdraw(applicant, issued).then().statusCode(409).body("code", equalTo("APPLICATION_NOT_WITHDRAWABLE"))
                .body("detail", containsString("can no longer be withdrawn"));
        view(applicant, submitted).then().body("status", equalTo("SUBMITTED"));
        assertEquals(0, announcements(submitted).size() + announcements(issued).size());
    }

    @Test
    void anApplicationLeftWaitingForTheApplicantTooLongIsClosedAsAbandoned() throws Exception {
        String applicant = "110101198104040079";
        String abandoned = waitingForTheCard(applicant);
        String recent = waitingForTheCard(applicant);
        String submitted = create(applicant);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE application SET updated_at = now() - interval '91 days' WHERE id IN (:ids)")
                .setParameter("ids", List.of(UUID.fromString(abandoned), UUID.fromString(submitted))).executeUpdate());

        assertTrue(sweep.sweep() >= 1);

        view(applicant, abandoned).then().body("status", equalTo("WITHDRAWN"))
                .body("notice.code", equalTo("WITHDRAWN_ABANDONED"));
        withdrawal(abandoned, "ABANDONED");
        view(applicant, recent).then().body("status", equalTo("ID_CARD_REQUIRED"));
        // one waiting for a service is the held-applications sweep's, never closed as abandoned
        view(applicant, submitted).then().body("status", equalTo("SUBMITTED"));
        sweep.sweep();
        assertEquals(1, announcements(abandoned).size());
    }

    /** A new application for which idcard-service found no usable registry photo: the applicant's turn. */
    private String waitingForTheCard(String applicant) {
        String id = create(applicant);
        kafka.publishEvent(Topics.IDCARD_EVENTS, id, EventType.ID_CARD_UPLOAD_REQUIRED.type(),
                "{\"applicationId\":\"" + id + "\",\"reason\":\"NOT_IN_REGISTRY\"}");
        await().atMost(WAIT).untilAsserted(() -> view(applicant, id).then().body("status", equalTo("ID_CARD_REQUIRED")));
        return id;
    }

    /** The one withdrawal announced for the application, checked against its schema and reason. */
    private JsonNode withdrawal(String id, String reason) throws Exception {
        ConsumerRecord<String, String> record = kafka.await(Topics.APPLICATIONS, r -> id.equals(r.key())
                && EventType.APPLICATION_WITHDRAWN.type().equals(KafkaTestClient.header(r, "ce_type")), WAIT);
        JsonNode event = json.readTree(record.value());
        assertEquals(List.of(), EventSchemas.violations(EventType.APPLICATION_WITHDRAWN, event));
        assertEquals(reason, event.get("reason").asText());
        assertEquals(id, event.get("applicationId").asText());
        return event;
    }

    private static List<ConsumerRecord<String, String>> announcements(String id) {
        return KafkaTestClient.readAll(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.APPLICATIONS).stream().filter(r -> id.equals(r.key())
                        && EventType.APPLICATION_WITHDRAWN.type().equals(KafkaTestClient.header(r, "ce_type"))).toList();
    }

    private static io.restassured.response.Response withdraw(String applicant, String id) {
        return given().auth().oauth2(Tokens.forApplicant(applicant)).header("Accept-Language", "en")
                .post(APPLICATIONS + id + "/withdrawal");
    }

    private static io.restassured.response.Response view(String applicant, String id) {
        return given().auth().oauth2(Tokens.forApplicant(applicant)).get(APPLICATIONS + id);
    }

    private static String create(String applicant) {
        return given().auth().oauth2(Tokens.forApplicant(applicant)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Test Applicant\"}").post("/api/v1/applications")
                .then().statusCode(201).extract().path("id");
    }
}
