package org.elicence.application.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.elicence.application.domain.RecentUpload;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.LocalInfraTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The upload window per applicant, counted in the real database by two limiters that stand for two instances of the
 * service, on a clock the test moves: the limit holds across them, uploads sent at once through both cannot pass it
 * together, and uploads that left the window are forgotten.
 * <p>
 * The test clocks run days ahead of the real one, and each test starts and ends with no upload after the real time:
 * the other tests' uploads (at the real time, some by the same applicants) are then all before every test window, and
 * the service's own scheduled sweep (on the real clock) never reaches the test's uploads. Until 2026-12-05 the clocks
 * were fixed dates, and the tests failed once the real time came near them.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class UploadRateLimiterTest {

    private static final String ALICE = "11010119900307213X";
    private static final String BOB = "310104198511230466";
    private static final String CAROL = "440106199203150021";
    private static final String DAVE = "510104198807070019";

    @BeforeEach
    @AfterEach
    void forgetTheUploadsAheadOfTheRealTime() {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> RecentUpload.delete("uploadedAt > ?1", now));
    }

    @Test
    void theLimitCountsEachApplicantOnEveryInstanceAndSaysWhenToRetry() {
        MovableClock clock = MovableClock.daysAhead(1);
        UploadRateLimiter one = new UploadRateLimiter(3, Duration.ofMinutes(1), clock);
        UploadRateLimiter other = new UploadRateLimiter(3, Duration.ofMinutes(1), clock);
        one.acquire(ALICE);
        clock.advance(Duration.ofSeconds(20));
        other.acquire(ALICE);
        one.acquire(ALICE);
        ProblemException refused = assertThrows(ProblemException.class, () -> other.acquire(ALICE),
                "the other instance counts the uploads the first one let through");
        assertEquals(ProblemCode.TOO_MANY_UPLOADS, refused.code());
        assertEquals(40, refused.retryAfterSeconds(), "the first upload leaves the window 40 s later");
        assertDoesNotThrow(() -> other.acquire(BOB), "another applicant has a window of their own");

        clock.advance(Duration.ofSeconds(40));
        assertDoesNotThrow(() -> other.acquire(ALICE), "the first upload left the window when Retry-After said");
        assertThrows(ProblemException.class, () -> one.acquire(ALICE), "the other two are still in it");
    }

    /** Without the advisory lock, each of the ten counts fewer than three before any writes: more than three pass. */
    @Test
    void uploadsSentAtOnceThroughTwoInstancesCannotPassTheLimitTogether() throws Exception {
        MovableClock clock = MovableClock.daysAhead(2);
        List<UploadRateLimiter> instances = List.of(new UploadRateLimiter(3, Duration.ofMinutes(1), clock),
                new UploadRateLimiter(3, Duration.ofMinutes(1), clock));
        ExecutorService threads = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> uploads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UploadRateLimiter instance = instances.get(i % 2);
            uploads.add(threads.submit(() -> {
                start.await();
                try {
                    instance.acquire(CAROL);
                    return true;
                } catch (ProblemException refused) {
                    return false;
                }
            }));
        }
        start.countDown();
        int passed = 0;
        for (Future<Boolean> upload : uploads) {
            passed += upload.get() ? 1 : 0;
        }
        threads.shutdown();
        assertEquals(3, passed, "uploads let through of ten sent at once");
    }

    @Test
    void uploadsThatLeftTheWindowAreForgotten() {
        // days after the other tests' clocks: every upload before this one's left the window long ago
        MovableClock clock = MovableClock.daysAhead(3);
        UploadRateLimiter limiter = new UploadRateLimiter(3, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire(String.format("1101011990%08d", i));
        }
        limiter.forgetPastUploads();
        assertEquals(1000, UploadRateLimiter.uploadsHeld(), "uploads still in the window are kept");

        clock.advance(Duration.ofSeconds(30));
        limiter.acquire(DAVE);
        clock.advance(Duration.ofSeconds(31));
        limiter.forgetPastUploads();
        assertEquals(1, UploadRateLimiter.uploadsHeld(), "only the upload still in the window is kept");

        limiter.acquire(DAVE);
        limiter.acquire(DAVE);
        assertThrows(ProblemException.class, () -> limiter.acquire(DAVE), "the upload kept still counts");
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        private MovableClock(Instant start) {
            now = start;
        }

        static MovableClock daysAhead(int days) {
            return new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(days)));
        }

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
