package org.elicence.application.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The per-applicant upload window, on a clock the test moves (pure logic). */
class UploadRateLimiterTest {

    private static final String ALICE = "11010119900307213X";
    private static final String BOB = "310104198511230466";

    private final MovableClock clock = new MovableClock();
    private final UploadRateLimiter limiter = new UploadRateLimiter(3, Duration.ofMinutes(1), clock);

    @Test
    void theLimitCountsEachApplicantInTheWindowAndSaysWhenToRetry() {
        limiter.acquire(ALICE);
        clock.advance(Duration.ofSeconds(20));
        limiter.acquire(ALICE);
        limiter.acquire(ALICE);
        ProblemException refused = assertThrows(ProblemException.class, () -> limiter.acquire(ALICE));
        assertEquals(ProblemCode.TOO_MANY_UPLOADS, refused.code());
        assertEquals(40, refused.retryAfterSeconds(), "the first upload leaves the window 40 s later");
        assertDoesNotThrow(() -> limiter.acquire(BOB), "another applicant has a window of their own");

        clock.advance(Duration.ofSeconds(41));
        assertDoesNotThrow(() -> limiter.acquire(ALICE), "the first upload left the window");
        assertThrows(ProblemException.class, () -> limiter.acquire(ALICE), "the other two are still in it");
    }

    @Test
    void applicantsWhoseUploadsLeftTheWindowAreForgotten() {
        for (int i = 0; i < 1000; i++) {
            limiter.acquire(String.format("1101011990%08d", i));
        }
        limiter.forgetIdleApplicants();
        assertEquals(1000, limiter.applicantsHeld(), "uploads still in the window are kept");

        clock.advance(Duration.ofSeconds(30));
        limiter.acquire(ALICE);
        clock.advance(Duration.ofSeconds(31));
        limiter.forgetIdleApplicants();
        assertEquals(1, limiter.applicantsHeld(), "only the applicant with an upload in the window is held");

        limiter.acquire(ALICE);
        limiter.acquire(ALICE);
        assertThrows(ProblemException.class, () -> limiter.acquire(ALICE), "a held applicant's count survived");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
