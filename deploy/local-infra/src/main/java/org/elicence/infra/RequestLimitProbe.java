package org.elicence.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Issue 14: every service answers a too long URI with 414, too large headers with 431 (platform-messaging's
 * RequestLimits) and a body above its {@code quarkus.http.limits.max-body-size} with 413 (HttpProblems), each
 * problem+json with its stable code. One probe for every service's test, so each checks the same thing: the request
 * target and header sizes sit above the platform's limits but below the HTTP server's. Run inside the service's
 * test (its configuration is read).
 */
public final class RequestLimitProbe {

    private RequestLimitProbe() {
    }

    /** @throws AssertionError naming what answered otherwise */
    public static void assertLimitsAnswerProblemDetails(URI base, String path) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI longUri = base.resolve(path + "?padding=" + "x".repeat(5_000));
        expect(client, HttpRequest.newBuilder(longUri).GET().build(), 414, "URI_TOO_LONG");
        expect(client, HttpRequest.newBuilder(base.resolve(path)).header("X-Padding", "x".repeat(20_000)).GET().build(),
                431, "HEADERS_TOO_LARGE");
        long maxBodyBytes = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .asLongValue();
        expect(client, HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) maxBodyBytes + 1])).build(),
                413, "PAYLOAD_TOO_LARGE");
        // a request within the limits still reaches the service
        HttpResponse<String> normal = send(client, HttpRequest.newBuilder(base.resolve(path + "?padding=xx")).GET()
                .build());
        if (normal.statusCode() == 414 || normal.statusCode() == 431) {
            throw new AssertionError("a small request to " + path + " answered " + normal.statusCode());
        }
    }

    private static void expect(HttpClient client, HttpRequest request, int status, String code) {
        HttpResponse<String> response = send(client, request);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != status || !type.startsWith("application/problem+json")
                || !response.body().contains("\"code\":\"" + code + "\"")) {
            throw new AssertionError("expected " + status + " " + code + " as problem+json, got " + response.statusCode()
                    + " " + type + " " + response.body());
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
