package org.elicence.messaging.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details, with the stable {@code code} that clients switch on: the one shape every service's
 * refusals take, whether a REST mapper, a router route ({@link RequestLimits}) or an operators' endpoint writes them.
 * {@code title} and {@code detail} are written by {@link ProblemTexts} in the client's language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String code, String title, String detail) {
        return new Problem("https://elicence.example/problems/" + code.toLowerCase().replace('_', '-'), title, status,
                detail, code, null);
    }

    /** A fault on our side, with the id under which the log line was written ({@link ProblemTexts#internal}). */
    static Problem internal(String correlationId, String title, String detail) {
        return new Problem("https://elicence.example/problems/internal-error", title, 500, detail, "INTERNAL_ERROR",
                correlationId);
    }
}
