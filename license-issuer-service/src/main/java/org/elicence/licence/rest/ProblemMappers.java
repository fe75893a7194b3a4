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

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
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
