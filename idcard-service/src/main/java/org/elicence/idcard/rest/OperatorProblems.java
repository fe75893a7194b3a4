package org.elicence.idcard.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The operators' endpoints refuse as application/problem+json (RFC 9457) with a stable code, like the mobile API. */
public class OperatorProblems {

    static final String MEDIA_TYPE = "application/problem+json";

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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://elicence.example/problems/" + code.toLowerCase().replace('_', '-'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
