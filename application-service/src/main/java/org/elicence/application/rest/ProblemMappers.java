package org.elicence.application.rest;

import org.elicence.application.service.ProblemCode;
import org.elicence.application.service.ProblemException;

import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.elicence.application.image.ImageIntake;
import org.elicence.messaging.http.ErrorCauses;
import org.elicence.messaging.http.HttpProblems;
import org.elicence.messaging.http.Problem;
import org.elicence.messaging.http.ProblemResponse;
import org.elicence.messaging.http.ProblemTexts;
import org.elicence.messaging.http.ViolationDetail;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidatorFactory;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Every error of the mobile API leaves as application/problem+json with a stable code, its title and detail in the
 * language the request's Accept-Language asks for (Chinese unless it asks for English, {@code Content-Language} says
 * which).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemTexts texts;
    private final ValidatorFactory validation;
    private final long maxBodyBytes;

    @Inject
    public ProblemMappers(ProblemTexts texts, ValidatorFactory validation, HttpProblems httpProblems) {
        this.texts = texts;
        this.validation = validation;
        this.maxBodyBytes = httpProblems.maxBodyBytes();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers) {
        Response.ResponseBuilder response = written(headers,
                language -> texts.variant(language, e.code().status(), e.code().name(), e.detailVariant(), e.args()));
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }

    /** An image refused at intake from its header or structure: the applicant can fix it and upload again. */
    @ServerExceptionMapper
    public Response imageRefused(ImageIntake.Refused e, HttpHeaders headers) {
        ProblemCode code = ProblemCode.valueOf(e.code());
        return respond(headers,
                language -> texts.variant(language, code.status(), code.name(), e.variant(), e.args()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers) {
        return respond(headers, language -> texts.problem(language, ProblemCode.INVALID_REQUEST.status(),
                ProblemCode.INVALID_REQUEST.name(),
                ViolationDetail.of(e.getConstraintViolations(), validation.getMessageInterpolator(), language)));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(HttpHeaders headers) {
        // RFC 6750 §3: a 401 names the scheme it wants, as the token filter's refusals do
        return written(headers, language -> texts.problem(language, ProblemCode.UNAUTHENTICATED.status(),
                ProblemCode.UNAUTHENTICATED.name())).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return respond(headers, ProblemCode.FORBIDDEN);
    }

    // Listed one by one: Quarkus' own mapper for MismatchedInputException (a bare 400) would otherwise
    // be the closer match for a JSON array sent where an object belongs.
    @ServerExceptionMapper({ MismatchedInputException.class, JsonParseException.class, JsonProcessingException.class })
    public Response unreadableJson(HttpHeaders headers) {
        return respond(headers, ProblemCode.MALFORMED_REQUEST);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 413 || bodyAboveTheLimit(e)) {
            // a chunked body read past quarkus.http.limits.max-body-size: the reader stops with this IOException
            return respond(headers, ProblemCode.PAYLOAD_TOO_LARGE, maxBodyBytes);
        }
        String code = switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(headers, language -> texts.httpStatus(language, status, code, reason));
    }

    /**
     * Anything else, errors included. The log line names the exception classes only (a message can quote what was
     * sent, e.g. a database constraint's values) under a correlation id, which is all the response says.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpHeaders headers) {
        return unexpected(e, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    Response unexpected(Throwable e, String acceptLanguage) {
        String language = texts.language(acceptLanguage);
        if (bodyAboveTheLimit(e)) {
            return ProblemResponse.rest(language, texts.problem(language, 413, ProblemCode.PAYLOAD_TOO_LARGE.name(), maxBodyBytes))
                    .build();
        }
        String correlationId = java.util.UUID.randomUUID().toString();
        LOG.errorf("unexpected error %s: %s", correlationId, ErrorCauses.classes(e));
        return ProblemResponse.rest(language, texts.internal(language, correlationId)).build();
    }

    static boolean bodyAboveTheLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException && "Request too large".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private Response respond(HttpHeaders headers, ProblemCode code, Object... args) {
        return respond(headers, language -> texts.problem(language, code.status(), code.name(), args));
    }

    private Response respond(HttpHeaders headers, Function<String, Problem> problem) {
        return written(headers, problem).build();
    }

    /** The problem written in the language the request's Accept-Language picks, chosen once. */
    private Response.ResponseBuilder written(HttpHeaders headers, Function<String, Problem> problem) {
        String language = texts.language(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return ProblemResponse.rest(language, problem.apply(language));
    }
}
