package org.elicence.messaging.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A bearer token issued in the future (its {@code iat} beyond {@code platform.auth.issued-at-skew} of clock
 * difference) is refused with 401 problem+json on every service, before the token is verified (issue 14): the
 * identity provider never mints one, so it was forged or minted by a clock that cannot be trusted, and it would
 * outlive its stated lifetime. Refusing before verification only ever refuses more: a token that passes here is
 * still verified in full by the service's JWT layer, and one that cannot be read here is left to that layer.
 */
@ApplicationScoped
public class FutureTokens {

    private final ObjectMapper json;
    private final ProblemTexts texts;
    private final Duration skew;
    private final Clock clock;

    @Inject
    public FutureTokens(ObjectMapper json, ProblemTexts texts,
            @ConfigProperty(name = "platform.auth.issued-at-skew", defaultValue = "PT1M") Duration skew) {
        this(json, texts, skew, Clock.systemUTC());
    }

    FutureTokens(ObjectMapper json, ProblemTexts texts, Duration skew, Clock clock) {
        this.json = json;
        this.texts = texts;
        this.skew = skew;
        this.clock = clock;
    }

    void install(@Observes Router router) {
        router.route().order(RequestLimits.ORDER + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        Long issuedAt = issuedAt(context.request().getHeader("Authorization"));
        if (issuedAt != null && issuedAt > clock.instant().plus(skew).getEpochSecond()) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            ProblemResponse.end(json, texts, context, 401, "UNAUTHENTICATED");
        } else {
            context.next();
        }
    }

    /** The {@code iat} of a bearer JWT, or null when there is none or it cannot be read. */
    Long issuedAt(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            // headers are bounded by RequestLimits (16 KiB), so is this payload
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode iat = claims == null ? null : claims.get("iat");
            return iat != null && iat.isNumber() ? iat.asLong() : null;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
