package org.elicence.application.rest;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.elicence.application.config.ApplicationConfig;
import org.elicence.application.service.ProblemCode;
import org.elicence.messaging.http.ProblemResponse;
import org.elicence.messaging.http.ProblemTexts;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The service verifies two audiences of the one identity provider (mp.jwt.verify.audiences) and keeps each to its
 * paths: the mobile API takes only applicants' tokens (audience {@code applications.auth.mobile-audience}; an
 * operator's token there is 401, as before the operators' endpoints existed), {@code /internal} only operators'
 * (audience {@code applications.auth.operator-audience} and role operator, {@link OperatorRecordResource}; an
 * applicant's token there is 403).
 */
public class TokenAudienceFilter {

    @Inject
    JsonWebToken token;

    // a Provider: filters are created before the runtime configuration exists
    @Inject
    Provider<ApplicationConfig> config;

    @Inject
    Provider<ProblemTexts> texts;

    @ServerRequestFilter
    public Optional<Response> keepEachAudienceToItsPaths(ContainerRequestContext request) {
        if (token == null || token.getRawToken() == null) {
            return Optional.empty();
        }
        Set<String> audience = token.getAudience() == null ? Set.of() : token.getAudience();
        String path = request.getUriInfo().getPath();
        boolean internal = path.startsWith("/internal");
        if (internal && !audience.contains(config.get().auth().operatorAudience())) {
            return Optional.of(problem(request, ProblemCode.FORBIDDEN, "operator").build());
        }
        if (path.startsWith("/api") && !audience.contains(config.get().auth().mobileAudience())) {
            return Optional.of(problem(request, ProblemCode.UNAUTHENTICATED, null)
                    .header("WWW-Authenticate", "Bearer").build());
        }
        return Optional.empty();
    }

    private Response.ResponseBuilder problem(ContainerRequestContext request, ProblemCode code, String variant) {
        String language = texts.get().language(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return ProblemResponse.rest(language, texts.get().variant(language, code.status(), code.name(), variant));
    }
}
