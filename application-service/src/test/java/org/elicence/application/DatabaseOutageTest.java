package org.elicence.application;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.infra.DatabaseLink;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * A database that cannot be reached for a while (a restart, a failover, the network) says nothing of the records
 * read meanwhile: they wait for it and are handled once it is back. Before 2026-12-07 each was tried three times
 * within a second or two of pauses and dead-lettered, and its application waited for the held sweep and an upload
 * again. The service reaches the real PostgreSQL through a link the test breaks for longer than those attempts took
 * with the pool's acquisition timeout: cut (every connection closed, new ones closed as they come: a restart) or a
 * black hole (every connection closed, new ones left unanswered: a partition or a failover, where the pool times out
 * waiting for a connection, a failure that says nothing of its cause) or a partition (every connection left open and
 * silent for good, as when the database's host is gone: the pool's idle connections then hold statements that are
 * never answered; before the driver's socket timeout was set, on 2026-12-07, the consumer waited on one until the
 * liveness check restarted the service; here the timeout is 5 s, in production 120 s).
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ShortSocketTimeout.class)
@WithTestResource(value = LocalInfraTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "application_outage_test"),
        @ResourceArg(name = "database-link", value = "true")})
@WithTestResource(JwtKeysTestResource.class)
class DatabaseOutageTest {

    public static class ShortSocketTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout", "5");
        }
    }

    private static final String APPLICANT = "110101198008080038";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    private static KafkaTestClient kafka;

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

    @ParameterizedTest
    @ValueSource(strings = {"cut", "blackhole", "partition"})
    void aVerdictReadWhileTheDatabaseIsAwayIsHandledWhenItIsBack(String outage) throws Exception {
        String id = given().auth().oauth2(Tokens.forApplicant(APPLICANT)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Test Applicant\"}").post("/api/v1/applications").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.forApplicant(APPLICANT)).contentType("image/jpeg").body(TestImages.jpeg())
                .put("/api/v1/applications/" + id + "/photo").then().statusCode(202);
        String photoId = json.readTree(kafka.await(Topics.PHOTO_AUDIT_REQUESTS, r -> id.equals(r.key()), WAIT)
                .value()).get("photoId").asText();

        int link = ConfigProvider.getConfig().getValue(LocalInfraTestResource.DATABASE_LINK_CONTROL_PORT, Integer.class);
        DatabaseLink.command(link, outage);
        try {
            kafka.publishEvent(Topics.PHOTO_AUDIT_RESULTS, id, EventType.PHOTO_AUDITED.type(), """
                    {"applicationId":"%s","applicantId":"%s","photoId":"%s","source":"APPLICANT_UPLOAD","verdict":"FAIL",
                     "checks":[{"rule":"R2","code":"BACKGROUND_NOT_WHITE","verdict":"FAIL",
                                "message":{"zh-CN":"请在白色背景前拍照。","en":"Stand in front of a plain white wall."}}],
                     "auditedAt":"2026-11-25T10:00:00Z","durationMillis":42}
                    """.formatted(id, APPLICANT, photoId));
            Thread.sleep(OUTAGE.toMillis());
        } finally {
            DatabaseLink.command(link, "restore");
        }

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(APPLICANT))
                .get("/api/v1/applications/" + id).then().statusCode(200)
                .body("status", equalTo("PHOTO_REJECTED"))
                .body("photoAudit.failures[0].code", equalTo("BACKGROUND_NOT_WHITE")));
        assertEquals(List.of(), KafkaTestClient.readAll(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class), "application-service.dlq").stream().filter(r -> id.equals(r.key())).toList(),
                "nothing dead-lettered for the outage");
    }
}
