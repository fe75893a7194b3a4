package org.elicence.idcard.rest;

import org.elicence.messaging.http.ProblemResponse;
import org.elicence.messaging.http.ProblemTexts;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The operators' endpoints refuse as application/problem+json (RFC 9457) with a stable code, like the mobile API;
 * the words are in META-INF/problems, English unless the request asks for Chinese ({@code platform.http.languages}).
 */
public class OperatorProblems {

    private final ProblemTexts texts;

    @Inject
    public OperatorProblems(ProblemTexts texts) {
        this.texts = texts;
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(HttpHeaders headers) {
        return Response.fromResponse(problem(headers, 401, "UNAUTHENTICATED", "operator"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return problem(headers, 403, "FORBIDDEN", "operator");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers) {
        return problem(headers, 404, "NOT_FOUND", null);
    }

    private Response problem(HttpHeaders headers, int status, String code, String variant) {
        String language = texts.language(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return ProblemResponse.rest(language, texts.variant(language, status, code, variant)).build();
    }
}
