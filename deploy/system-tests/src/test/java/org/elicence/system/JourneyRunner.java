package org.elicence.system;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Drives one application through its {@link Journey} the way a phone would: it retries what failed
 * because a service was down (with the same Idempotency-Key for the creation, so a retry never opens a
 * second application), then waits for the end state, noting when each milestone was seen.
 */
final class JourneyRunner {

    /**
     * What became of one application: the last status the phone saw ({@code null} if it never read one) and, in
     * {@code error}, why a journey stopped short, if it did.
     */
    record Outcome(Journey journey, String applicationId, String finalStatus, int retries, String error) {

        boolean accepted() {
            return applicationId != null;
        }

        boolean reachedEndState() {
            return journey.endState.equals(finalStatus);
        }
    }

    private final LocalPlatform platform;
    private final Map<String, MobileApi> apps = new ConcurrentHashMap<>();
    /** The last status each application's phone read, so an outcome names where a journey stood at its deadline. */
    private final Map<String, String> lastSeen = new ConcurrentHashMap<>();
    private final String runId;
    private final Duration patience;
    private final Duration pollInterval;

    JourneyRunner(LocalPlatform platform, String runId, Duration patience, Duration pollInterval) {
        this.platform = platform;
        this.runId = runId;
        this.patience = patience;
        this.pollInterval = pollInterval;
    }

    /** The application as the platform accepted it, and when its last submission (create or upload) began. */
    record Submission(String applicationId, Instant submittedAt) {
    }

    Outcome run(Journey journey, int index) {
        long deadline = System.nanoTime() + patience.toNanos();
        AtomicInteger retries = new AtomicInteger();
        String id = null;
        try {
            Submission submission = submit(journey, index, deadline, retries);
            id = submission.applicationId();
            awaitStatus(app(journey.residentId), id, journey.endState, deadline, retries);
            return new Outcome(journey, id, lastSeen.get(id), retries.get(), null);
        } catch (Exception e) {
            return new Outcome(journey, id, id == null ? null : lastSeen.get(id), retries.get(), e.toString());
        }
    }

    /**
     * Creates the application and, where the journey needs them, waits for the request for an ID card
     * and uploads it (or the portrait); returns without waiting for the outcome.
     */
    Submission submit(Journey journey, int index, long deadline, AtomicInteger retries) throws Exception {
        MobileApi app = app(journey.residentId);
        Instant submittedAt = Instant.now();
        String id = retrying(deadline, retries, () -> app.createApplication(journey.name, runId + "-" + index));
        if (journey.idCard != null || journey.portrait != null) {
            awaitStatus(app, id, "ID_CARD_REQUIRED", deadline, retries);
            submittedAt = Instant.now();
            if (journey.idCard != null) {
                upload(app, id, "/id-card/front", journey.cardSide("front"), deadline, retries);
                upload(app, id, "/id-card/back", journey.cardSide("back"), deadline, retries);
            } else {
                upload(app, id, "/photo", journey.portraitBytes(), deadline, retries);
            }
        }
        return new Submission(id, submittedAt);
    }

    /** Only the creation, retried until accepted; returns the application id. */
    String create(String residentId, String name, int index) throws Exception {
        MobileApi app = app(residentId);
        return retrying(System.nanoTime() + patience.toNanos(), new AtomicInteger(),
                () -> app.createApplication(name, runId + "-" + index));
    }

    private synchronized MobileApi app(String residentId) throws IOException, InterruptedException {
        MobileApi app = apps.get(residentId);
        if (app == null) {
            app = new MobileApi(platform.apiBase(), platform.tokenFor(residentId));
            apps.put(residentId, app);
        }
        return app;
    }

    private void upload(MobileApi app, String id, String path, byte[] image, long deadline, AtomicInteger retries)
            throws Exception {
        retrying(deadline, retries, () -> {
            MobileApi.Reply reply = app.upload(id, path, "image/jpeg", image);
            if (reply.status() >= 500) {
                throw new IOException("upload answered " + reply.status());
            }
            if (reply.status() != 202) {
                throw new IllegalStateException("upload " + path + " answered " + reply.status() + ": "
                        + new String(reply.body()));
            }
            return null;
        });
    }

    /** Polls until the status is {@code wanted}, any other final status, or the deadline; notes each status read. */
    private void awaitStatus(MobileApi app, String id, String wanted, long deadline, AtomicInteger retries)
            throws Exception {
        while (System.nanoTime() < deadline) {
            JsonNode view = retrying(deadline, retries, () -> {
                MobileApi.Reply reply = app.get("/api/v1/applications/" + id);
                if (reply.status() != 200) {
                    throw new IOException("status answered " + reply.status());
                }
                return reply.json();
            });
            String status = view.path("status").asText();
            lastSeen.put(id, status);
            if (wanted.equals(status) || "LICENCE_ISSUED".equals(status) || "REFUSED".equals(status)) {
                return;
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    /** Connection refused, a reset, a 5xx: the service is restarting; a phone tries again. */
    private static <T> T retrying(long deadline, AtomicInteger retries, Call<T> call) throws Exception {
        while (true) {
            try {
                return call.call();
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                retries.incrementAndGet();
                Thread.sleep(500);
            }
        }
    }
}
