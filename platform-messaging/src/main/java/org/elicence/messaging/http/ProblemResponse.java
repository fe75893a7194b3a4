package org.elicence.messaging.http;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A refusal written by a router route, before any service's REST layer: the same problem+json shape as every
 * service's own problem details (RFC 9457 with the stable {@code code} clients switch on).
 */
final class ProblemResponse {

    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponse() {
    }

    static void end(ObjectMapper json, HttpServerResponse response, int status, String code, String title,
            String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://elicence.example/problems/" + code.toLowerCase().replace('_', '-'));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE);
        try {
            response.end(Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            response.end();
        }
    }
}
