package org.elicence.messaging.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * A refusal written by a router route, before any service's REST layer: the same problem+json shape as every
 * service's own problem details (RFC 9457 with the stable {@code code} clients switch on), in the language the
 * request asked for.
 */
public final class ProblemResponse {

    private ProblemResponse() {
    }

    /** Ends the request with the problem {@code code} in the request's language. */
    public static void end(ObjectMapper json, ProblemTexts texts, RoutingContext context, int status, String code,
            Object... args) {
        String language = texts.language(context.request().getHeader("Accept-Language"));
        end(json, context.response(), language, texts.problem(language, status, code, args));
    }

    /** Ends the request with a problem already written in {@code language}. */
    public static void end(ObjectMapper json, HttpServerResponse response, String language, Problem problem) {
        // as every answer of the REST layers: the words follow Accept-Language, and no cache keeps a refusal
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Content-Language", language).putHeader("Vary", "Accept-Language")
                .putHeader("Cache-Control", "private, no-store");
        try {
            response.end(Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            response.end();
        }
    }
}
