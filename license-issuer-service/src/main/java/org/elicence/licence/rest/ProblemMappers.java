package org.elicence.licence.rest;


import org.elicence.messaging.http.ErrorCauses;
import org.elicence.messaging.http.Problem;
import org.elicence.messaging.http.ProblemResponse;
import org.elicence.messaging.http.ProblemTexts;
import org.elicence.messaging.http.ViolationDetail;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Every error of the licence API leaves as application/problem+json with a stable code; the words are in
 * META-INF/problems, English unless the request asks for Chinese ({@code platform.http.languages}).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemTexts texts;
    private final ValidatorFactory validation;

    @Inject
    public ProblemMappers(ProblemTexts texts, ValidatorFactory validation) {
        this.texts = texts;
        this.validation = validation;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers) {
        return respond(headers, language -> texts.problem(language, 400, "INVALID_REQUEST",
                ViolationDetail.of(e.getConstraintViolations(), validation.getMessageInterpolator(), language)));
    }

    /** JAX-RS's own refusals (malformed JSON, unknown path, wrong method or media type), coded from the status. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() == 400) {
            // the JSON reader's refusals (not JSON, a key twice, a NUL character) arrive wrapped as a bare 400
            return unreadableJson(headers);
        }
        String code = status.getReasonPhrase().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]+", "_");
        return respond(headers,
                language -> texts.httpStatus(language, status.getStatusCode(), code, status.getReasonPhrase()));
    }

    /** The register could not be asked; the credential has not been judged, so no verdict is given. */
    @ServerExceptionMapper
    public Response registerUnavailable(PersistenceException e, HttpHeaders headers) {
        LOG.errorf("licence register unavailable: %s", e.getClass().getSimpleName());
        return respond(headers, language -> texts.problem(language, 503, "REGISTER_UNAVAILABLE"));
    }

    /**
     * A body that is not the JSON object asked for: not JSON, a duplicated key, a NUL character in a string
     * (platform-messaging's json.StrictJson), an array where an object belongs. Listed one by one so that Quarkus' own bare-400 mapper
     * for MismatchedInputException is not the closer match.
     */
    @ServerExceptionMapper({ MismatchedInputException.class, JsonParseException.class, JsonProcessingException.class })
    public Response unreadableJson(HttpHeaders headers) {
        return respond(headers, language -> texts.problem(language, 400, "MALFORMED_REQUEST"));
    }

    /** Anything else, errors included: logged by exception class under a correlation id, which is all the body says. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpHeaders headers) {
        String correlationId = java.util.UUID.randomUUID().toString();
        LOG.errorf("unexpected error %s: %s", correlationId, ErrorCauses.classes(e));
        return respond(headers, language -> texts.internal(language, correlationId));
    }

    private Response respond(HttpHeaders headers, java.util.function.Function<String, Problem> problem) {
        String language = texts.language(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Problem written = problem.apply(language);
        return ProblemResponse.rest(language, written).build();
    }
}
