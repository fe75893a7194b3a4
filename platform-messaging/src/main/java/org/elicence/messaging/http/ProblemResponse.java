package org.elicence.messaging.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A refusal written by a router route, before any service's REST layer: the same problem+json shape as every
 * service's own problem details (RFC 9457 with the stable {@code code} clients switch on).
 */
final class ProblemResponse {

    private ProblemResponse() {
    }

    static void end(ObjectMapper json, HttpServerResponse response, int status, String code, String title,
            String detail) {
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        try {
            response.end(Buffer.buffer(json.writeValueAsBytes(Problem.of(status, code, title, detail))));
        } catch (JsonProcessingException e) {
            response.end();
        }
    }
}
