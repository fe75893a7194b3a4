package org.elicence.application.rest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A body above {@code quarkus.http.limits.max-body-size} would be refused by the HTTP layer with a
 * bare 413 before any resource runs. This route, first on the router, refuses such a request by its
 * Content-Length with the problem+json every other error of the mobile API has. (Bodies between the
 * upload limit and this one reach the resource, which answers IMAGE_TOO_LARGE itself.)
 */
@ApplicationScoped
public class BodyLimitProblem {

    private final long maxBodyBytes;
    private final Buffer problem;

    @Inject
    public BodyLimitProblem(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize)
            throws JsonProcessingException {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.problem = Buffer.buffer(json.writeValueAsBytes(Problem.of(413, "PAYLOAD_TOO_LARGE", "Payload Too Large",
                "The request body is larger than this API accepts (" + maxBodyBytes + " bytes); photos and ID-card "
                        + "images must be under the upload limit.")));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (declaredLength(context.request().getHeader("Content-Length")) > maxBodyBytes) {
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(problem);
            } else {
                context.next();
            }
        });
    }

    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
