package org.elicence.licence.rest;

import java.util.stream.Collectors;

import org.elicence.messaging.http.Problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Every error of the licence API leaves as application/problem+json with a stable code. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath().toString().replaceAll(".*\\.", "") + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(Problem.of(400, "INVALID_REQUEST", "Invalid request", detail));
    }

    /** JAX-RS's own refusals (malformed JSON, unknown path, wrong method or media type), coded from the status. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() == 400) {
            // the JSON reader's refusals (not JSON, a key twice, a NUL character) arrive wrapped as a bare 400
            return unreadableJson();
        }
        String code = status.getReasonPhrase().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]+", "_");
        return respond(Problem.of(status.getStatusCode(), code, status.getReasonPhrase(), status.getReasonPhrase() + "."));
    }

    /** The register could not be asked; the credential has not been judged, so no verdict is given. */
    @ServerExceptionMapper
    public Response registerUnavailable(PersistenceException e) {
        LOG.errorf("licence register unavailable: %s", e.getClass().getSimpleName());
        return respond(Problem.of(503, "REGISTER_UNAVAILABLE", "Register unavailable",
                "The licence register cannot be reached to check the licence's status. Please retry."));
    }

    /**
     * A body that is not the JSON object asked for: not JSON, a duplicated key, a NUL character in a string
     * (platform-messaging's json.StrictJson), an array where an object belongs. Listed one by one so that Quarkus' own bare-400 mapper
     * for MismatchedInputException is not the closer match.
     */
    @ServerExceptionMapper({ MismatchedInputException.class, JsonParseException.class, JsonProcessingException.class })
    public Response unreadableJson() {
        return respond(Problem.of(400, "MALFORMED_REQUEST", "Bad Request",
                "The body is not the JSON object this request takes."));
    }

    /** Anything else, errors included: logged by exception class under a correlation id, which is all the body says. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        String correlationId = java.util.UUID.randomUUID().toString();
        StringBuilder classes = new StringBuilder();
        for (Throwable t = e; t != null && classes.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            classes.append(classes.length() > 0 ? " <- " : "").append(t.getClass().getName());
        }
        LOG.errorf("unexpected error %s: %s", correlationId, classes);
        return respond(Problem.internal(correlationId, "Something went wrong on our side. Please retry, quoting "
                + correlationId + " if it persists."));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
