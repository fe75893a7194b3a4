package org.elicence.application.rest;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.elicence.application.config.ApplicationConfig;
import org.elicence.messaging.http.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
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

    @ServerRequestFilter
    public Optional<Response> keepEachAudienceToItsPaths(ContainerRequestContext request) {
        if (token == null || token.getRawToken() == null) {
            return Optional.empty();
        }
        Set<String> audience = token.getAudience() == null ? Set.of() : token.getAudience();
        String path = request.getUriInfo().getPath();
        boolean internal = path.startsWith("/internal");
        if (internal && !audience.contains(config.get().auth().operatorAudience())) {
            return Optional.of(problem(Problem.of(403, "FORBIDDEN", "Forbidden",
                    "Only operators (role operator) may read applicants' records.")));
        }
        if (path.startsWith("/api") && !audience.contains(config.get().auth().mobileAudience())) {
            return Optional.of(Response.fromResponse(problem(Problem.of(401, "UNAUTHENTICATED",
                    "Authentication required", "Send a valid bearer token in the Authorization header.")))
                    .header("WWW-Authenticate", "Bearer").build());
        }
        return Optional.empty();
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
