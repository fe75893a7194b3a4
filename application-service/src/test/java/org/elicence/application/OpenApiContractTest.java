package org.elicence.application;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * docs/api.md calls the generated OpenAPI the reference for field types: every operation of the mobile API says what
 * it answers on success (its status code and body), that a refusal is problem+json, and what an upload takes.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class OpenApiContractTest {

    private static final String BASE = "/api/v1/applications";

    /** Each operation's success code and the media type of its body. */
    private static final Map<String, String[]> SUCCESS = Map.ofEntries(
            Map.entry("post " + BASE, new String[] {"201", "application/json"}),
            Map.entry("get " + BASE, new String[] {"200", "application/json"}),
            Map.entry("get " + BASE + "/{id}", new String[] {"200", "application/json"}),
            Map.entry("get " + BASE + "/{id}/photo-audits", new String[] {"200", "application/json"}),
            Map.entry("post " + BASE + "/{id}/withdrawal", new String[] {"200", "application/json"}),
            Map.entry("post " + BASE + "/{id}/photo/review-request", new String[] {"202", "application/json"}),
            Map.entry("put " + BASE + "/{id}/photo", new String[] {"202", "application/json"}),
            Map.entry("put " + BASE + "/{id}/id-card/{side}", new String[] {"202", "application/json"}),
            Map.entry("get " + BASE + "/{id}/licence", new String[] {"200", "application/json"}),
            Map.entry("get " + BASE + "/{id}/licence/qr.png", new String[] {"200", "image/png"}),
            Map.entry("get " + BASE + "/{id}/photo/annotated", new String[] {"200", "image/jpeg"}),
            Map.entry("put " + BASE + "/{id}/device-key", new String[] {"202", "application/json"}),
            Map.entry("post " + BASE + "/{id}/credential", new String[] {"200", "application/json"}));

    @Test
    void everyOperationSaysWhatItAnswersAndTakes() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        List<String> gaps = new ArrayList<>();
        SUCCESS.forEach((operation, expected) -> {
            String[] methodAndPath = operation.split(" ", 2);
            Map<String, Object> responses = api.getMap(path(methodAndPath[1], methodAndPath[0]) + ".responses");
            if (responses == null) {
                gaps.add(operation + ": not in the document");
                return;
            }
            if (!responses.containsKey(expected[0])) {
                gaps.add(operation + ": no " + expected[0] + " response, only " + responses.keySet());
            } else if (!content(api, methodAndPath, expected[0]).containsKey(expected[1])) {
                gaps.add(operation + ": its " + expected[0] + " has no " + expected[1] + " body");
            } else if (expected[1].equals("application/json")
                    && content(api, methodAndPath, expected[0]).get(expected[1]) instanceof Map<?, ?> media
                    && !media.containsKey("schema")) {
                gaps.add(operation + ": its " + expected[0] + " body has no schema");
            }
            if (!responses.containsKey("4XX") || !content(api, methodAndPath, "4XX").containsKey("application/problem+json")) {
                gaps.add(operation + ": no problem+json refusal");
            }
        });
        assertEquals(List.of(), gaps);
        for (String upload : List.of(BASE + "/{id}/photo", BASE + "/{id}/id-card/{side}")) {
            Map<String, Object> body = api.getMap(path(upload, "put") + ".requestBody.content");
            assertEquals(List.of("image/jpeg", "image/png"), body.keySet().stream().sorted().toList(), upload);
        }
        // the 4XX/5XX answers every operation gets from rest/ProblemResponses point at this schema
        assertTrue(api.getMap("components.schemas").containsKey("Problem"), "no Problem schema for the refusals");
        Map<String, Object> accepted = api.getMap("components.schemas.PhotoUploadAccepted.properties");
        assertTrue(accepted.containsKey("photoId") && accepted.containsKey("status"), String.valueOf(accepted));
    }

    private static String path(String apiPath, String method) {
        return "paths.'" + apiPath + "'." + method;
    }

    private static Map<String, Object> content(JsonPath api, String[] methodAndPath, String code) {
        Map<String, Object> content = api.getMap(path(methodAndPath[1], methodAndPath[0]) + ".responses.'" + code
                + "'.content");
        return content == null ? Map.of() : content;
    }
}
