package org.elicence.application.rest;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.elicence.application.image.ImageIntake;
import org.elicence.messaging.http.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Every error of the mobile API leaves as application/problem+json with a stable code. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.problem().status()).type(Problem.MEDIA_TYPE)
                .entity(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }

    /** An image refused at intake from its header or structure: the applicant can fix it and upload again. */
    @ServerExceptionMapper
    public Response imageRefused(ImageIntake.Refused e) {
        String title = switch (e.code()) {
            case "IMAGE_TOO_SMALL" -> "Image too small";
            case "IMAGE_TOO_MANY_PIXELS" -> "Image has too many pixels";
            default -> "Image unreadable";
        };
        String detail = e.code().equals("IMAGE_UNREADABLE")
                ? "The image cannot be read (" + e.getMessage() + "); upload the complete photo as a JPEG or PNG file."
                : e.getMessage();
        return respond(Problem.of(422, e.code(), title, detail));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(Problem.of(400, "INVALID_REQUEST", "Invalid request", detail));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated() {
        return respond(Problem.of(401, "UNAUTHENTICATED", "Authentication required",
                "Send a valid bearer token in the Authorization header."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "FORBIDDEN", "Forbidden", "This token may not do that."));
    }

    // Listed one by one: Quarkus' own mapper for MismatchedInputException (a bare 400) would otherwise
    // be the closer match for a JSON array sent where an object belongs.
    @ServerExceptionMapper({ MismatchedInputException.class, JsonParseException.class, JsonProcessingException.class })
    public Response unreadableJson() {
        return respond(Problem.of(400, "MALFORMED_REQUEST", "Bad Request",
                "The body is not the JSON object this request takes."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (bodyAboveTheLimit(e)) {
            // a chunked body read past quarkus.http.limits.max-body-size: the reader stops with this IOException
            return respond(Problem.of(413, "PAYLOAD_TOO_LARGE", "Payload Too Large",
                    "The request body is larger than this API accepts."));
        }
        String code = switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status, code, title, title + "."));
    }

    /**
     * Anything else, errors included. The log line names the exception classes only (a message can quote what was
     * sent, e.g. a database constraint's values) under a correlation id, which is all the response says.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (bodyAboveTheLimit(e)) {
            return respond(Problem.of(413, "PAYLOAD_TOO_LARGE", "Payload Too Large",
                    "The request body is larger than this API accepts."));
        }
        String correlationId = java.util.UUID.randomUUID().toString();
        LOG.errorf("unexpected error %s: %s", correlationId, causeClasses(e));
        return respond(internalError(correlationId));
    }

    /** A fault on our side: nothing but the id under which the log line was written. */
    static Problem internalError(String correlationId) {
        return Problem.internal(correlationId, "Something went wrong on our side; nothing you sent was lost. Please "
                + "retry, quoting " + correlationId + " if it persists.");
    }

    static String causeClasses(Throwable e) {
        StringBuilder classes = new StringBuilder();
        for (Throwable t = e; t != null && classes.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement at = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
            classes.append(classes.length() > 0 ? " <- " : "").append(t.getClass().getName())
                    .append(at == null ? "" : " at " + at);
        }
        return classes.toString();
    }

    static boolean bodyAboveTheLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException && "Request too large".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
