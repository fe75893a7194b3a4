package org.elicence.idcard.rest;

import org.elicence.messaging.http.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The operators' endpoints refuse as application/problem+json (RFC 9457) with a stable code, like the mobile API. */
public class OperatorProblems {

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated() {
        return Response.fromResponse(problem(401, "UNAUTHENTICATED", "Authentication required",
                "Send an operator's bearer token in the Authorization header."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, "FORBIDDEN", "Forbidden", "Only operators (role operator) may read applicants' records.");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(404, "NOT_FOUND", "Not found", "idcard-service knows nothing of that.");
    }

    static Response problem(int status, String code, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, code, title, detail)).build();
    }
}
