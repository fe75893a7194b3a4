package org.elicence.application.rest;

import java.time.Instant;
import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.elicence.application.config.ApplicationConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.Response;

/**
 * A token issued in the future (beyond {@code applications.auth.issued-at-skew} of clock difference) is refused
 * with 401 like any other invalid token: the identity provider never mints one, so it was forged or minted by a
 * clock that cannot be trusted, and it would outlive its stated lifetime.
 */
public class TokenIssuedAtFilter {

    @Inject
    JsonWebToken token;

    // a Provider: filters are created before the runtime configuration exists
    @Inject
    Provider<ApplicationConfig> config;

    @ServerRequestFilter
    public Optional<Response> refuseTokensFromTheFuture() {
        if (token == null || token.getRawToken() == null) {
            return Optional.empty();
        }
        long issuedAt = token.getIssuedAtTime();
        if (issuedAt > Instant.now().plus(config.get().auth().issuedAtSkew()).getEpochSecond()) {
            Problem problem = Problem.of(401, "UNAUTHENTICATED", "Authentication required",
                    "Send a valid bearer token in the Authorization header.");
            return Optional.of(Response.status(401).type(Problem.MEDIA_TYPE).entity(problem)
                    .header("WWW-Authenticate", "Bearer").build());
        }
        return Optional.empty();
    }
}
