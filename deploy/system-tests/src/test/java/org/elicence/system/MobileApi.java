package org.elicence.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The mobile app's side of the API, as plain HTTP. */
final class MobileApi {

    record Reply(int status, String contentType, byte[] body, String retryAfter) {
        Reply(int status, String contentType, byte[] body) {
            this(status, contentType, body, null);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    MobileApi(String base, String token) {
        this.base = base;
        this.token = token;
    }

    String createApplication(String fullName) throws Exception {
        return createApplication(fullName, null);
    }

    /** With an idempotency key a phone can retry after a lost answer without opening a second application. */
    String createApplication(String fullName, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = request("/api/v1/applications").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fullName\":\"" + fullName + "\"}"));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        Reply reply = send(request);
        if (reply.status() >= 500) {
            throw new IOException("create answered " + reply.status() + " (service unavailable, retry)");
        }
        if (reply.status() != 201) {
            throw new AssertionError("create answered " + reply.status() + ": " + new String(reply.body()));
        }
        return reply.json().get("id").asText();
    }

    /** Polls the applicant's view (in {@code language}) until its status is {@code status}; returns that view. */
    JsonNode awaitStatus(String id, String status, String language, Duration wait) {
        JsonNode[] last = new JsonNode[1];
        try {
            org.awaitility.Awaitility.await().atMost(wait).pollInterval(Duration.ofMillis(250)).until(() -> {
                last[0] = application(id, language);
                return status.equals(last[0].get("status").asText());
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("application never reached " + status + "; last view: " + last[0], e);
        }
        return last[0];
    }

    JsonNode application(String id, String language) throws Exception {
        return send(request("/api/v1/applications/" + id).header("Accept-Language", language).GET()).json();
    }

    /** The application's view once its status is {@code wanted}, or the last view seen when {@code wait} ran out. */
    JsonNode awaitStatus(String id, String wanted, java.time.Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        JsonNode view = application(id, "en");
        while (!wanted.equals(view.path("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            view = application(id, "en");
        }
        return view;
    }

    Reply upload(String id, String path, String contentType, byte[] image) throws Exception {
        return send(request("/api/v1/applications/" + id + path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(image)));
    }

    Reply get(String path) throws Exception {
        return send(request(path).GET());
    }

    /** Any request with this applicant's token: the bad-input corpus sends what the app never would. */
    Reply send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response.headers().firstValue("Retry-After").orElse(null));
    }
}
