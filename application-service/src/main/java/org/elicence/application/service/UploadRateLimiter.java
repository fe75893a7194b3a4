package org.elicence.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.elicence.application.config.ApplicationConfig;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A sliding-window limit on uploads per applicant, per instance: it stops a runaway client from flooding the audit.
 * With n instances an applicant may upload up to n times the limit; the cap on applications in progress
 * ({@code applications.max-open-per-applicant}) holds across instances.
 */
@ApplicationScoped
public class UploadRateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recentUploads = new ConcurrentHashMap<>();

    @Inject
    public UploadRateLimiter(ApplicationConfig config) {
        this(config.uploads().perApplicantLimit(), config.uploads().limitWindow(), Clock.systemUTC());
    }

    UploadRateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one upload of the applicant's, or refuses it (429 TOO_MANY_UPLOADS with Retry-After). */
    public void acquire(String applicantId) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        // compute: one applicant's uploads are counted one at a time, and a forgotten applicant's deque is never used
        recentUploads.compute(applicantId, (id, uploads) -> {
            Deque<Instant> counted = uploads == null ? new ArrayDeque<>() : uploads;
            dropBefore(counted, windowStart);
            if (counted.size() >= limit) {
                // the oldest upload in the window leaves it first: then one more is allowed
                long wait = Duration.between(windowStart, counted.peekFirst()).toMillis();
                throw new ProblemException(ProblemCode.TOO_MANY_UPLOADS, counted.size(), window.toSeconds())
                        .retryAfter((wait + 999) / 1000);
            }
            counted.addLast(now);
            return counted;
        });
    }

    /**
     * Forgets the applicants none of whose uploads is still in the window: without it the map would keep an entry for
     * every applicant who ever uploaded, for as long as the instance runs.
     */
    @Scheduled(every = "${applications.uploads.limit-window}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleApplicants() {
        Instant windowStart = clock.instant().minus(window);
        for (String applicantId : recentUploads.keySet()) {
            recentUploads.computeIfPresent(applicantId, (id, uploads) -> {
                dropBefore(uploads, windowStart);
                return uploads.isEmpty() ? null : uploads;
            });
        }
    }

    /** How many applicants the limiter holds uploads for. */
    int applicantsHeld() {
        return recentUploads.size();
    }

    private static void dropBefore(Deque<Instant> uploads, Instant windowStart) {
        while (!uploads.isEmpty() && uploads.peekFirst().isBefore(windowStart)) {
            uploads.pollFirst();
        }
    }
}
