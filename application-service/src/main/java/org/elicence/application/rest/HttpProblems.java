package org.elicence.application.rest;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.elicence.messaging.http.RequestLimits;
import org.elicence.messaging.http.Problem;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
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
    private final long maxBodyBytes;

    @Inject
    public HttpProblems(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RequestLimits.ORDER + 2).handler(this::limits).failureHandler(this::failure);
    }

    private void limits(RoutingContext context) {
        if (UploadBody.declaredLength(context.request().getHeader("Content-Length")) > maxBodyBytes) {
            end(context.response(), Problem.of(413, "PAYLOAD_TOO_LARGE", "Payload Too Large",
                    "The request body is larger than this API accepts (" + maxBodyBytes + " bytes); photos and ID-card "
                            + "images must be under the upload limit."), true);
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
        Problem problem;
        if (status == 413) {
            problem = Problem.of(413, "PAYLOAD_TOO_LARGE", "Payload Too Large",
                    "The request body is larger than this API accepts (" + maxBodyBytes + " bytes).");
        } else if (status >= 500 || context.failure() != null && status < 400) {
            String correlationId = UUID.randomUUID().toString();
            LOG.errorf("unexpected error %s: %s", correlationId,
                    context.failure() == null ? "status " + status : ProblemMappers.causeClasses(context.failure()));
            problem = ProblemMappers.internalError(correlationId);
        } else {
            String reason = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
            problem = Problem.of(status, "HTTP_" + status, reason, reason + ".");
        }
        end(context.response(), problem, status == 413);
    }

    private void end(HttpServerResponse response, Problem problem, boolean close) {
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (close) {
            response.putHeader("Connection", "close");
        }
        try {
            response.end(Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            response.end();
        }
    }
}
