package org.elicence.idcard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.elicence.idcard.testing.Citizens;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.idcard.testing.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.infra.LogLines;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.http.ProblemTexts;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * Issue 13: the operators' record endpoint needs an operator's credential. Without a token or with a bad one 401,
 * with an applicant's token 403, both problem+json; an operator's token reads the record.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "idcard_operator_test"))
@WithTestResource(JwtKeysTestResource.class)
class OperatorRecordAccessTest {

    private static final String ISSUER = "https://auth.elicence.example";

    @TestHTTPResource("/")
    java.net.URL base;

    @Test
    void aTooLongUriAndTooLargeHeadersAnswerProblemDetailsBeforeAuthentication() throws Exception {
        // issue 14: refused before any credential is looked at, as problem+json like every other service
        org.elicence.infra.RequestLimitProbe.assertLimitsAnswerProblemDetails(base.toURI(),
                "/internal/applicants/" + UUID.randomUUID() + "/record");
    }

    @Test
    void withoutAnOperatorsCredentialTheRecordIsRefused() throws Exception {
        String path = "/internal/applicants/" + UUID.randomUUID() + "/record";
        given().when().get(path).then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2("not-a-jwt").when().get(path).then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.subject("reviewer-001").issuer(ISSUER).audience("elicence-operators")
                .groups(Set.of("operator")).expiresIn(600).sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).when().get(path).then().statusCode(401);
        String elsewhere = Jwt.subject("reviewer-001").issuer(ISSUER).audience("someone-else")
                .groups(Set.of("operator")).expiresIn(600).sign();
        given().auth().oauth2(elsewhere).when().get(path).then().statusCode(401);

        String applicant = Jwt.subject(Citizens.ZHANG_WEI).issuer(ISSUER).audience("elicence-mobile")
                .expiresIn(600).sign();
        given().auth().oauth2(applicant).when().get(path).then().statusCode(403)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("FORBIDDEN"))
                .header("Content-Language", "en")
                .body("detail", equalTo("Only operators (role operator) may read applicants' records."));
        given().auth().oauth2(applicant).header("Accept-Language", "zh").when().get(path).then().statusCode(403)
                .header("Content-Language", "zh-CN").body("detail", equalTo("只有操作员（operator 角色）可以查看申请人的记录。"));
        // the operator role on a token issued for the mobile app (an identity provider that adds roles to every
        // token) is not an operator's credential; nor is an operator's token that lives longer than an hour
        String mobileWithRole = Jwt.subject("reviewer-001").issuer(ISSUER).audience("elicence-mobile")
                .groups(Set.of("operator")).expiresIn(600).sign();
        given().auth().oauth2(mobileWithRole).when().get(path).then().statusCode(403)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("FORBIDDEN"));
        String longLived = Jwt.subject("reviewer-001").issuer(ISSUER).audience("elicence-operators")
                .groups(Set.of("operator")).expiresIn(Duration.ofDays(30).toSeconds()).sign();
        given().auth().oauth2(longLived).when().get(path).then().statusCode(401);
        assertEquals(List.of(), new ProblemTexts(List.of("en", "zh-CN")).gaps());
    }

    @Test
    void anOperatorsTokenReadsTheRecord() throws Exception {
        String applicationId = apply();
        String operator = Jwt.subject("reviewer-001").issuer(ISSUER).audience("elicence-operators")
                .groups(Set.of("operator")).expiresIn(600).sign();
        String elsewhere = UUID.randomUUID().toString();
        List<String> logged = LogLines.during("org.elicence.messaging.http.OperatorAccessLog", () -> {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(operator)
                    .when().get("/internal/applicants/" + applicationId + "/record")
                    .then().statusCode(200).body("applicantId", equalTo(Citizens.ZHANG_WEI)));
            given().auth().oauth2(operator).when().get("/internal/applicants/" + elsewhere + "/record")
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
            given().auth().oauth2(Jwt.subject(Citizens.ZHANG_WEI).issuer(ISSUER).audience("elicence-mobile")
                    .expiresIn(600).sign()).when().get("/internal/applicants/" + applicationId + "/record")
                    .then().statusCode(403);
        });
        // who looked at what: the operator by name, the refused applicant without theirs (their ID number)
        assertEquals("operator reviewer-001: GET /internal/applicants/" + applicationId + "/record 200",
                logged.stream().filter(l -> l.endsWith(" 200")).findFirst().orElse("none"), logged.toString());
        assertEquals(List.of("operator reviewer-001: GET /internal/applicants/" + elsewhere + "/record 404",
                "operators' endpoint refused: GET /internal/applicants/" + applicationId + "/record 403"),
                logged.subList(logged.size() - 2, logged.size()));
    }

    @Test
    void anOperatorsTokenIssuedInTheFutureIsRefused() {
        // issue 14: a token the identity provider cannot have minted yet (forged, or an untrusted clock) is no token
        String applicationId = apply();
        String future = Jwt.subject("reviewer-001").issuer(ISSUER).audience("elicence-operators")
                .groups(Set.of("operator")).issuedAt(Instant.now().plusSeconds(3600))
                .expiresAt(Instant.now().plusSeconds(4200)).sign();
        given().auth().oauth2(future).when().get("/internal/applicants/" + applicationId + "/record")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    private static String apply() {
        String applicationId = UUID.randomUUID().toString();
        KafkaTestClient.publish(applicationId, new ApplicationCreated(applicationId, Citizens.ZHANG_WEI, "张伟",
                Instant.now()));
        return applicationId;
    }
}
