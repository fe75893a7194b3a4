package org.elicence.application;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * At most three applications in progress per applicant (the production setting; the other tests lift it): the fourth
 * is refused with a reason, a retry of one of the three is not, a finished one frees its place, and openings sent
 * at once cannot slip past the cap together. Against the real database and broker.
 */
@QuarkusTest
@TestProfile(OpenApplicationsCapTest.ProductionCap.class)
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class OpenApplicationsCapTest {

    public static class ProductionCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("applications.max-open-per-applicant", "3", "applications.max-openings-per-day", "10");
        }
    }

    private static final String EVE = "130102198807070027";
    private static final String FRANK = "130102198807070043";
    private static final String GRACE = "130102198807070063";
    private static final String LIST = "/api/v1/applications";

    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aFourthApplicationInProgressIsRefusedUntilOneIsFinished() {
        String first = open(EVE, null).then().statusCode(201).extract().path("id");
        open(EVE, null).then().statusCode(201);
        open(EVE, "third").then().statusCode(201);
        open(EVE, null).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("TOO_MANY_OPEN_APPLICATIONS")).body("detail", containsString("3"));
        // the phone retrying its third opening gets the third application, not a refusal
        open(EVE, "third").then().statusCode(201).header("Idempotent-Replayed", "true");
        given().auth().oauth2(Tokens.forApplicant(EVE)).get(LIST).then().body("size()", equalTo(3));

        IssuedLicences.publish(kafka, first, EVE, "130100415823", "伊芙");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(EVE))
                .get(LIST + "/" + first).then().body("status", equalTo("LICENCE_ISSUED")));
        open(EVE, null).then().statusCode(201);
        open(EVE, null).then().statusCode(409);
    }

    /**
     * Finished applications free their place among those in progress, not among the day's openings: opening and
     * finishing (or withdrawing) without end would otherwise cost a registry lookup and an audit each time.
     */
    @Test
    void theEleventhOpeningInADayIsRefusedEvenWithNoneInProgress() {
        for (int i = 0; i < 10; i++) {
            String id = open(GRACE, null).then().statusCode(201).extract().path("id");
            IssuedLicences.publish(kafka, id, GRACE, "130100415831", "格蕾丝");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(GRACE))
                    .get(LIST + "/" + id).then().body("status", equalTo("LICENCE_ISSUED")));
        }
        long retryAfter = Long.parseLong(open(GRACE, null).then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("TOO_MANY_OPENINGS"))
                .body("detail", containsString("10")).extract().header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 24 * 3600, "Retry-After " + retryAfter);
    }

    @Test
    void openingsSentAtOnceCannotPassTheCapTogether() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> openings = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                openings.add(() -> open(FRANK, null).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(openings)) {
                statuses.add(status.get());
            }
            assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(Tokens.forApplicant(FRANK)).get(LIST).then().body("size()", equalTo(3));
    }

    private static Response open(String applicant, String idempotencyKey) {
        var request = given().auth().oauth2(Tokens.forApplicant(applicant)).header("Accept-Language", "en")
                .contentType(ContentType.JSON).body("{\"fullName\":\"申请人\"}");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(LIST);
    }
}
