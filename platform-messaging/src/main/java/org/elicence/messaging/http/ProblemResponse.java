package org.elicence.messaging.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

/**
 * A refusal as every service writes it, by a router route before the REST layer or by a REST exception mapper: the
 * problem+json shape (RFC 9457 with the stable {@code code} clients switch on), in the language the request asked
 * for, with the same headers: the words follow Accept-Language, and no cache keeps a refusal.
 */
public final class ProblemResponse {

    private static final String VARY = "Accept-Language";
    private static final String CACHE_CONTROL = "private, no-store";

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
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Content-Language", language).putHeader("Vary", VARY)
                .putHeader("Cache-Control", CACHE_CONTROL);
        try {
            response.end(Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            response.end();
        }
    }

    /** The REST layer's response of a problem already written in {@code language} (every service's mappers). */
    public static Response.ResponseBuilder rest(String language, Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Content-Language", language).header("Vary", VARY).header("Cache-Control", CACHE_CONTROL);
    }
}
