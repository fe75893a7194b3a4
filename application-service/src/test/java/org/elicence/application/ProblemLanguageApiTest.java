package org.elicence.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The mobile app speaks Chinese unless it asks for English: every refusal's title and detail are written in the
 * language Accept-Language picks, whichever layer refuses (the router's limits, the token filter, the REST
 * layer's mappers, the service), with the same stable code and Content-Language saying which.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class ProblemLanguageApiTest {

    private static final String CAROL = "440305199203154521";

    @Test
    void aRefusalOfTheServiceIsChineseUnlessEnglishIsAskedFor() {
        String unknown = "/api/v1/applications/" + UUID.randomUUID();
        given().auth().oauth2(Tokens.forApplicant(CAROL)).get(unknown)
                .then().statusCode(404).contentType("application/problem+json").header("Content-Language", "zh-CN")
                .body("code", equalTo("APPLICATION_NOT_FOUND")).body("title", equalTo("未找到申请"));
        given().auth().oauth2(Tokens.forApplicant(CAROL)).header("Accept-Language", "fr-FR, en;q=0.8").get(unknown)
                .then().statusCode(404).header("Content-Language", "en")
                .body("code", equalTo("APPLICATION_NOT_FOUND")).body("title", equalTo("Application not found"));
    }

    @Test
    void everyLayerWritesTheAskedLanguage() {
        // the token filter and the security layer
        given().get("/api/v1/applications/" + UUID.randomUUID())
                .then().statusCode(401).header("Content-Language", "zh-CN").body("code", equalTo("UNAUTHENTICATED"))
                .body("title", equalTo("需要身份验证"));
        given().header("Accept-Language", "en").get("/api/v1/applications/" + UUID.randomUUID())
                .then().statusCode(401).body("title", equalTo("Authentication required"))
                .header("WWW-Authenticate", "Bearer");
        // the router's request limits, before any service code: the headers of every mobile-API answer too
        given().auth().oauth2(Tokens.forApplicant(CAROL)).get("/api/v1/applications/" + "x".repeat(5000))
                .then().statusCode(414).header("Content-Language", "zh-CN").body("code", equalTo("URI_TOO_LONG"))
                .header("Vary", "Accept-Language").header("Cache-Control", "private, no-store")
                .body("detail", containsString("4096 个字符"));
        // the JSON reader and bean validation
        given().auth().oauth2(Tokens.forApplicant(CAROL)).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{not json").post("/api/v1/applications")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"))
                .body("detail", equalTo("The body is not the JSON object this request takes."));
        given().auth().oauth2(Tokens.forApplicant(CAROL)).contentType(ContentType.JSON).body("{\"fullName\":\"\"}")
                .post("/api/v1/applications")
                .then().statusCode(400).header("Content-Language", "zh-CN").body("code", equalTo("INVALID_REQUEST"))
                .body("title", equalTo("请求无效")).body("detail", equalTo("fullName: 不能为空"));
        given().auth().oauth2(Tokens.forApplicant(CAROL)).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{\"fullName\":\"\"}").post("/api/v1/applications")
                .then().statusCode(400).body("detail", equalTo("fullName: must not be blank"));
        // the field's words in the problem's language for a regional tag too, not Bean Validation's own guess at it
        given().auth().oauth2(Tokens.forApplicant(CAROL)).header("Accept-Language", "en-US, zh-CN;q=0.9")
                .contentType(ContentType.JSON).body("{\"fullName\":\"\"}").post("/api/v1/applications")
                .then().statusCode(400).header("Content-Language", "en").body("title", equalTo("Invalid request"))
                .body("detail", equalTo("fullName: must not be blank"));
        given().auth().oauth2(Tokens.forApplicant(CAROL)).header("Accept-Language", "zh-TW, en;q=0.9")
                .contentType(ContentType.JSON).body("{\"fullName\":\"\"}").post("/api/v1/applications")
                .then().statusCode(400).header("Content-Language", "zh-CN").body("detail", equalTo("fullName: 不能为空"));
        // an image refused at intake, with what was measured in the words
        String id = given().auth().oauth2(Tokens.forApplicant(CAROL)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Carol\"}").post("/api/v1/applications").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.forApplicant(CAROL)).contentType("image/png")
                .body(org.elicence.application.image.IntakeImages.png(40, 40))
                .put("/api/v1/applications/" + id + "/photo")
                .then().statusCode(422).header("Content-Language", "zh-CN").body("code", equalTo("IMAGE_TOO_SMALL"))
                .body("detail", containsString("40 × 40 像素"));
    }
}
