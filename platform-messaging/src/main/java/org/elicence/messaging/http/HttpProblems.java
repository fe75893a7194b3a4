package org.elicence.messaging.http;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The refusals the HTTP layer would otherwise answer with an empty body, answered as problem+json by a route
 * early on every service's router: a body whose Content-Length is above {@code quarkus.http.limits.max-body-size}
 * (413; a chunked body over it fails on the router and reaches the failure handler as a 413). URI and header limits
 * (414, 431) and tokens from the future (401) are checked before, by {@link RequestLimits} and {@link FutureTokens}.
 * Any failure that reaches the router (outside the REST layer's own mappers) leaves as problem+json too, a 500 with
 * only a correlation id. Until 2026-12-07 only application-service had it, and license-issuer-service answered a
 * {@code /verify} body over its 4 MiB with a bare 413.
 */
@ApplicationScoped
public class HttpProblems {

    private static final Logger LOG = Logger.getLogger(HttpProblems.class);
    private static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

    private final ObjectMapper json;
    private final ProblemTexts texts;
    private final long maxBodyBytes;

    @Inject
    public HttpProblems(ObjectMapper json, ProblemTexts texts,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.texts = texts;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    /** The largest body a request may carry ({@code quarkus.http.limits.max-body-size}), what a 413 names. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    void install(@Observes Router router) {
        router.route().order(RequestLimits.ORDER + 2).handler(this::limits).failureHandler(this::failure);
    }

    private void limits(RoutingContext context) {
        if (declaredLength(context.request().getHeader("Content-Length")) > maxBodyBytes) {
            context.response().putHeader("Connection", "close");
            ProblemResponse.end(json, texts, context, 413, PAYLOAD_TOO_LARGE, maxBodyBytes);
        } else {
            context.next();
        }
    }

    /** The Content-Length a request declares; -1 when it declares none or none that reads as a number. */
    public static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private void failure(RoutingContext context) {
        if (context.response().headWritten() || context.failure() != null
                && context.failure().getClass().getName().startsWith("io.quarkus.security.")) {
            // authentication and authorisation failures go on to the REST layer's mappers (401/403 problem+json)
            context.next();
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        String language = texts.language(context.request().getHeader("Accept-Language"));
        Problem problem;
        if (status == 413) {
            context.response().putHeader("Connection", "close");
            problem = texts.problem(language, 413, PAYLOAD_TOO_LARGE, maxBodyBytes);
        } else if (status >= 500 || context.failure() != null && status < 400) {
            String correlationId = UUID.randomUUID().toString();
            LOG.errorf("unexpected error %s: %s", correlationId,
                    context.failure() == null ? "status " + status : ErrorCauses.classes(context.failure()));
            problem = texts.internal(language, correlationId);
        } else {
            problem = texts.httpStatus(language, status, "HTTP_" + status,
                    io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase());
        }
        ProblemResponse.end(json, context.response(), language, problem);
    }
}
