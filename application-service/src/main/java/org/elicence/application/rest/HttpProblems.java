package org.elicence.application.rest;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.elicence.messaging.http.ErrorCauses;
import org.elicence.messaging.http.RequestLimits;
import org.elicence.application.service.ProblemCode;
import org.elicence.messaging.http.Problem;
import org.elicence.messaging.http.ProblemResponse;
import org.elicence.messaging.http.ProblemTexts;
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
 * early on the router: a body whose Content-Length is above {@code quarkus.http.limits.max-body-size} (413). URI and
 * header limits (414, 431) and tokens from the future (401) are every service's, in platform-messaging's
 * {@code RequestLimits} and {@code FutureTokens}, which run first. Any failure that reaches the router
 * (outside the REST layer's own mappers) leaves as problem+json too, a 500 with only a correlation id.
 */
@ApplicationScoped
public class HttpProblems {

    private static final Logger LOG = Logger.getLogger(HttpProblems.class);

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

    void install(@Observes Router router) {
        router.route().order(RequestLimits.ORDER + 2).handler(this::limits).failureHandler(this::failure);
    }

    private void limits(RoutingContext context) {
        if (UploadBody.declaredLength(context.request().getHeader("Content-Length")) > maxBodyBytes) {
            context.response().putHeader("Connection", "close");
            ProblemResponse.end(json, texts, context, 413, ProblemCode.PAYLOAD_TOO_LARGE.name(), maxBodyBytes);
        } else {
            context.next();
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
            problem = texts.problem(language, 413, ProblemCode.PAYLOAD_TOO_LARGE.name(), maxBodyBytes);
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
