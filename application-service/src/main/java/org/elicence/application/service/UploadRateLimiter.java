package org.elicence.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.elicence.application.config.ApplicationConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A sliding-window limit on uploads per applicant, per instance: it stops a runaway client from
 * flooding the audit. The gateway's rate limiting is the cluster-wide guard (docs/deploy.md).
 */
@ApplicationScoped
public class UploadRateLimiter {

    private final ApplicationConfig config;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recentUploads = new ConcurrentHashMap<>();

    @Inject
    public UploadRateLimiter(ApplicationConfig config) {
        this(config, Clock.systemUTC());
    }

    UploadRateLimiter(ApplicationConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public void acquire(String applicantId) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(config.uploads().limitWindow());
        Deque<Instant> uploads = recentUploads.computeIfAbsent(applicantId, id -> new ArrayDeque<>());
        synchronized (uploads) {
            while (!uploads.isEmpty() && uploads.peekFirst().isBefore(windowStart)) {
                uploads.pollFirst();
            }
            if (uploads.size() >= config.uploads().perApplicantLimit()) {
                // the oldest upload in the window leaves it first: then one more is allowed
                long wait = java.time.Duration.between(windowStart, uploads.peekFirst()).toMillis();
                throw new ProblemException(ProblemCode.TOO_MANY_UPLOADS, uploads.size(),
                        config.uploads().limitWindow().toSeconds())
                        .retryAfter((wait + 999) / 1000);
            }
            uploads.addLast(now);
        }
    }
}
