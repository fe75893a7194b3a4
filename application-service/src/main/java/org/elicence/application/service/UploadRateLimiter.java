package org.elicence.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.application.domain.ApplicantLock;
import org.elicence.application.domain.RecentUpload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A sliding-window limit on uploads per applicant: it stops a runaway client from flooding the audit. The uploads
 * are counted in the database ({@link RecentUpload}) under an advisory lock per applicant, so the limit holds across
 * every instance of the service and uploads sent at once cannot pass it together; until 2026-12-05 each instance
 * counted in its own memory, and with n instances an applicant could upload n times the limit.
 */
@ApplicationScoped
public class UploadRateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;

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
        RecentUpload.Window refused = QuarkusTransaction.requiringNew().call(() -> {
            ApplicantLock.UPLOADS.hold(applicantId);
            RecentUpload.Window counted = RecentUpload.of(applicantId, windowStart);
            if (counted.uploads() >= limit) {
                return counted;
            }
            RecentUpload.record(applicantId, now);
            return null;
        });
        if (refused != null) {
            // the earliest upload in the window leaves it first: then one more is allowed
            long wait = Duration.between(windowStart, refused.earliest()).toMillis();
            throw new ProblemException(ProblemCode.TOO_MANY_UPLOADS, refused.uploads(), window.toSeconds())
                    .retryAfter((wait + 999) / 1000);
        }
    }

    /**
     * Forgets the uploads that left the window, every applicant's: an applicant who does not upload again would
     * otherwise stay in the table. One instance's pass or several at once come to the same.
     */
    @Scheduled(every = "${applications.uploads.limit-window}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetPastUploads() {
        Instant windowStart = clock.instant().minus(window);
        QuarkusTransaction.requiringNew().run(() -> RecentUpload.forgetBefore(windowStart));
    }

    /** How many uploads the database holds, every applicant's. */
    static long uploadsHeld() {
        return QuarkusTransaction.requiringNew().call(() -> RecentUpload.count());
    }
}
