package org.elicence.licence.rest;

import java.util.stream.Collectors;

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

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf("unexpected error: %s", e.getClass().getName());
        return respond(Problem.of(500, "INTERNAL_ERROR", "Internal error",
                "Something went wrong on our side. Please retry."));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
