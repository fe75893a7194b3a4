package org.elicence.licence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.elicence.infra.LocalInfraTestResource;
import org.elicence.infra.RequestLimitProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The public verification endpoint refuses ambiguous or unstorable JSON with 400 problem+json, never 500. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class VerifyHostileInputTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void duplicatedKeysAndNulCharactersAreMalformed() {
        for (String body : new String[] {"{\"credential\":\"a.b.c\",\"credential\":\"d.e.f\"}",
            "{\"credential\":\"a.b\\u0000.c\"}", "{\"credential\":\"a.b\u0000.c\"}", "[\"credential\"]", "{not json"}) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/licences/verify")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("MALFORMED_REQUEST"));
        }
        given().contentType(ContentType.JSON).body("{\"credential\":\"a.b.c\"}").post("/api/v1/licences/verify")
                .then().statusCode(200).body("outcome", equalTo("INVALID"));
    }

    /** English unless the client asks for Chinese; Bean Validation's words follow the same header. */
    @Test
    void refusalsAreEnglishUnlessChineseIsAskedFor() {
        given().contentType(ContentType.JSON).body("{not json").post("/api/v1/licences/verify")
                .then().statusCode(400).header("Content-Language", "en").body("title", equalTo("Bad Request"));
        given().header("Accept-Language", "zh-CN,zh;q=0.9").contentType(ContentType.JSON).body("{not json")
                .post("/api/v1/licences/verify")
                .then().statusCode(400).header("Content-Language", "zh-CN").body("code", equalTo("MALFORMED_REQUEST"))
                .body("title", equalTo("请求格式错误"));
        // a missing field: the constraint's words in the problem's language, a regional tag too
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/licences/verify")
                .then().statusCode(400).header("Content-Language", "en").body("code", equalTo("INVALID_REQUEST"))
                .body("detail", org.hamcrest.Matchers.startsWith("credential: must not be"));
        given().header("Accept-Language", "zh-TW, en;q=0.5").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/licences/verify")
                .then().statusCode(400).header("Content-Language", "zh-CN").body("code", equalTo("INVALID_REQUEST"))
                .body("detail", org.hamcrest.Matchers.startsWith("credential: 不能为"));
        assertEquals(java.util.List.of(),
                new org.elicence.messaging.http.ProblemTexts(java.util.List.of("en", "zh-CN")).gaps());
    }

    @Test
    void contentTypesAreMatchedExactly() {
        // issue 14: a type that merely starts like JSON is not JSON
        for (String type : new String[] {"application/jsonxyz", "application/json2", "text/json"}) {
            given().contentType(type).body("{\"credential\":\"a.b.c\"}".getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/licences/verify")
                    .then().statusCode(415).contentType("application/problem+json");
        }
    }

    @Test
    void aTooLongUriAndTooLargeHeadersAnswerProblemDetails() throws Exception {
        RequestLimitProbe.assertLimitsAnswerProblemDetails(base.toURI(), "/api/v1/licences/jwks.json");
    }
}
