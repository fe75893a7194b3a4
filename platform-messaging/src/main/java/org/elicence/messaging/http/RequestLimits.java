package org.elicence.messaging.http;

import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The request limits every service's HTTP API shares (issue 14), answered as problem+json by the first route on the
 * router: a request target longer than {@code platform.http.max-uri-length} answers 414, headers larger than
 * {@code platform.http.max-header-bytes} answer 431. The HTTP server's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well above these in this
 * module's microprofile-config.properties, so these decide; a request beyond the server's limits is refused by the
 * server itself, before any route runs, with a bare status and no body (docs/api.md, "Request limits").
 */
@ApplicationScoped
public class RequestLimits {

    /** Before every other route, including a service's own problem handlers. */
    public static final int ORDER = Integer.MIN_VALUE;

    private final ObjectMapper json;
    private final ProblemTexts texts;
    private final int maxUriLength;
    private final long maxHeaderBytes;

    @Inject
    public RequestLimits(ObjectMapper json, ProblemTexts texts,
            @ConfigProperty(name = "platform.http.max-uri-length", defaultValue = "4096") int maxUriLength,
            @ConfigProperty(name = "platform.http.max-header-bytes", defaultValue = "16384") long maxHeaderBytes) {
        this.json = json;
        this.texts = texts;
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (context.request().uri().length() > maxUriLength) {
            refuse(context, 414, "URI_TOO_LONG", maxUriLength);
        } else if (headerBytes(context) > maxHeaderBytes) {
            refuse(context, 431, "HEADERS_TOO_LARGE", maxHeaderBytes);
        } else {
            context.next();
        }
    }

    private static long headerBytes(RoutingContext context) {
        long bytes = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return bytes;
    }

    private void refuse(RoutingContext context, int status, String code, long limit) {
        // The rest of the request may still be arriving; the connection is not reused after a refusal.
        context.response().putHeader("Connection", "close");
        ProblemResponse.end(json, texts, context, status, code, limit);
    }
}
