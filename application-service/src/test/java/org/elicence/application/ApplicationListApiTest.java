package org.elicence.application;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.infra.LogLines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Finding applications without their id: the applicant's own list (an app that lost the id it kept) and staff's
 * search by the ID number a citizen gives at the counter; against the real broker and database.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class ApplicationListApiTest {

    /** Applicants no other test uses, so their lists hold only what this test opened. */
    private static final String CAROL = "12010120000101123X";
    private static final String DAVE = "120101200001014567";
    private static final String LIST = "/api/v1/applications";
    private static final String SEARCH = "/internal/applications/search";

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
    void anApplicantListsTheirOwnApplicationsNewestFirst() {
        given().auth().oauth2(Tokens.forApplicant(CAROL)).get(LIST).then().statusCode(200)
                .body("size()", equalTo(0));
        String first = create(CAROL, "卡罗尔");
        String second = create(CAROL, "卡罗尔");
        String someoneElses = create(DAVE, "戴夫");

        List<String> ids = given().auth().oauth2(Tokens.forApplicant(CAROL)).get(LIST).then().statusCode(200)
                .contentType(ContentType.JSON).body("[0].fullName", equalTo("卡罗尔"))
                .body("[0].status", equalTo("SUBMITTED")).body("[0].nextAction", equalTo("WAIT"))
                .body("[0].createdAt", not(nullValue())).body("[0]", not(hasKey("licenceStatus")))
                .extract().jsonPath().getList("id");
        assertEquals(List.of(second, first), ids, "the applicant's own, newest first, nobody else's");

        IssuedLicences.publish(kafka, first, CAROL, "120100415823", "卡罗尔");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.forApplicant(CAROL))
                .get(LIST).then().body("find { it.id == '%s' }.status".formatted(first), equalTo("LICENCE_ISSUED"))
                .body("find { it.id == '%s' }.licenceStatus".formatted(first), equalTo("ACTIVE")));
        given().auth().oauth2(Tokens.forApplicant(DAVE)).get(LIST).then().statusCode(200)
                .body("id", hasItem(someoneElses)).body("id", not(hasItem(first))).body("id", not(hasItem(second)));
    }

    @Test
    void theMobileApiSaysItsLanguageAndThatNothingIsToBeCached() {
        String id = create(DAVE, "戴夫");
        given().auth().oauth2(Tokens.forApplicant(DAVE)).get(LIST + "/" + id).then().statusCode(200)
                .header("Content-Language", "zh-CN").header("Vary", "Accept-Language")
                .header("Cache-Control", "private, no-store");
        given().auth().oauth2(Tokens.forApplicant(DAVE)).header("Accept-Language", "en-GB, zh;q=0.5")
                .get(LIST).then().statusCode(200).header("Content-Language", "en")
                .header("Cache-Control", "private, no-store");
        // an error says the same, and its words are in the language it names
        given().auth().oauth2(Tokens.forApplicant(DAVE)).header("Accept-Language", "en")
                .get(LIST + "/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .header("Content-Language", "en").header("Cache-Control", "private, no-store")
                .body("title", equalTo("Application not found"));
    }

    @Test
    void staffFindACitizensApplicationsByTheIdNumberInTheBody() {
        String id = create(DAVE, "戴夫");
        String operator = Tokens.forOperator("reviewer-001");
        List<String> found = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"applicantId\":\"" + DAVE + "\"}").post(SEARCH).then().statusCode(200)
                .body("[0].id", equalTo(id)).body("[0].fullName", equalTo("戴夫"))
                .extract().jsonPath().getList("id");
        assertEquals(found, given().auth().oauth2(Tokens.forApplicant(DAVE)).get(LIST).then().extract().jsonPath()
                .getList("id"), "staff see the lines the applicant sees");
        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"applicantId\":\"110101199003070000\"}")
                .post(SEARCH).then().statusCode(200).body("size()", equalTo(0));

        for (String bad : List.of("{\"applicantId\":\"1201012000\"}", "{\"applicantId\":\"12010120000101123x\"}",
                "{}", "{\"applicantId\":null}")) {
            given().auth().oauth2(operator).contentType(ContentType.JSON).body(bad).post(SEARCH).then()
                    .statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"));
        }
        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"applicantId\":").post(SEARCH).then()
                .statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        // an applicant cannot search, not even for themselves; without a token nobody can
        given().auth().oauth2(Tokens.forApplicant(DAVE)).contentType(ContentType.JSON)
                .body("{\"applicantId\":\"" + DAVE + "\"}").post(SEARCH).then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"applicantId\":\"" + DAVE + "\"}").post(SEARCH).then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void everyLookOfStaffIsLoggedWithTheirIdAndARefusedOneWithoutTheCallersName() throws Exception {
        String id = create(DAVE, "戴夫");
        List<String> lines = LogLines.during("org.elicence.messaging.http.OperatorAccessLog", () -> {
            given().auth().oauth2(Tokens.forOperator("reviewer-007")).contentType(ContentType.JSON)
                    .body("{\"applicantId\":\"" + DAVE + "\"}").post(SEARCH).then().statusCode(200);
            given().auth().oauth2(Tokens.forOperator("reviewer-007")).get("/internal/applications/" + id + "/record")
                    .then().statusCode(200);
            // an applicant's token claiming the operator role is refused, and their ID number stays out of the log
            given().auth().oauth2(io.smallrye.jwt.build.Jwt.subject(DAVE).issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE)
                    .groups(java.util.Set.of("operator")).expiresIn(600).sign())
                    .get("/internal/applications/" + id + "/record").then().statusCode(403);
            // a name with a line break cannot forge a second log line
            given().auth().oauth2(Tokens.forOperator("reviewer-008\noperator admin: GET /internal/x 200"))
                    .get("/internal/applications/" + id + "/record").then().statusCode(200);
            // no token at all: refused, logged too
            given().get("/internal/applications/" + id + "/record").then().statusCode(401);
            // a resident ID number typed where the application id belongs stays out of the log
            given().auth().oauth2(Tokens.forOperator("reviewer-007")).get("/internal/applications/" + DAVE + "/record")
                    .then().statusCode(404);
            // the mobile API is not the operators' and is not logged here
            given().auth().oauth2(Tokens.forApplicant(DAVE)).get(LIST).then().statusCode(200);
        });
        assertEquals(List.of("operator reviewer-007: POST /internal/applications/search 200",
                "operator reviewer-007: GET /internal/applications/" + id + "/record 200",
                "operators' endpoint refused: GET /internal/applications/" + id + "/record 403",
                "operator reviewer-008operator admin: GET /internal/x 200: GET /internal/applications/" + id
                        + "/record 200",
                "operators' endpoint refused: GET /internal/applications/" + id + "/record 401",
                "operator reviewer-007: GET /internal/applications/*/record 404"), lines);
    }

    private static String create(String applicant, String name) {
        return given().auth().oauth2(Tokens.forApplicant(applicant)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"" + name + "\"}").post(LIST).then().statusCode(201).extract().path("id");
    }
}
