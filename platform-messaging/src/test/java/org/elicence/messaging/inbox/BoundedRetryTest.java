package org.elicence.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.elicence.messaging.MessagingConfig;
import org.junit.jupiter.api.Test;

/** The one retry rule of events and operators' commands: again after what may pass, never after poison. */
class BoundedRetryTest {

    private static final MessagingConfig.Consumer THREE_QUICK_ATTEMPTS = new MessagingConfig.Consumer() {
        @Override
        public int maxAttempts() {
            return 3;
        }

        @Override
        public Duration retryBackoff() {
            return Duration.ofMillis(1);
        }

        @Override
        public Duration maxOutageBackoff() {
            return Duration.ofMillis(4);
        }

        @Override
        public int maxUnfinishedDeliveries() {
            return 3;
        }

        @Override
        public Duration processedRetention() {
            return Duration.ofDays(30);
        }

        @Override
        public Duration stallTimeout() {
            return Duration.ofMinutes(5);
        }
    };

    @Test
    void aFailureThatPassesIsRetriedUntilTheStepSucceeds() {
        AtomicInteger runs = new AtomicInteger();
        BoundedRetry.run(THREE_QUICK_ATTEMPTS, "test", "record 0/1", () -> {
            if (runs.incrementAndGet() < 3) {
                throw new IllegalStateException("lock timeout");
            }
        }, () -> true, (attempts, failure) -> failure);
        assertEquals(3, runs.get());
    }

    @Test
    void aFailureThatLastsEndsInTheExceptionItMakesAfterTheLastAttempt() {
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException down = new IllegalStateException("statement timeout");
        RuntimeException deadLetter = assertThrows(RuntimeException.class, () -> BoundedRetry.run(
                THREE_QUICK_ATTEMPTS, "test", "record 0/1", () -> {
                    runs.incrementAndGet();
                    throw down;
                }, () -> true, (attempts, failure) -> new RuntimeException("failed after " + attempts, failure)));
        assertEquals(3, runs.get());
        assertEquals("failed after 3", deadLetter.getMessage());
        assertSame(down, deadLetter.getCause());
    }

    /**
     * A database out of reach says nothing of the record: every record read during an outage used to be dead-lettered
     * after three quick attempts. After a failure the database is asked; while it does not answer, the step waits
     * without running and uses no attempt; the record's own failures are counted after.
     */
    @Test
    void aDatabaseOutageIsWaitedOutWithoutRunningTheStepOrUsingAnAttempt() {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger probes = new AtomicInteger();
        BoundedRetry.run(THREE_QUICK_ATTEMPTS, "test", "record 0/1", () -> {
            if (runs.incrementAndGet() < 3) {
                throw new IllegalStateException("no connection");
            }
        }, () -> probes.incrementAndGet() > 5, (attempts, failure) -> failure);
        assertEquals(3, runs.get(), "run, wait for the database (five probes), run (attempt 1), run");
        assertEquals(7, probes.get());
    }

    /**
     * A record whose statement takes the database down (a crash the server recovers from) would otherwise be tried
     * for ever, taking it down each time: after max-attempts outages during its handling it is dead-lettered.
     */
    @Test
    void aRecordThatTakesTheDatabaseDownEachTimeIsDeadLetteredAfterAsManyOutages() {
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean justFailed = new AtomicBoolean();
        RuntimeException deadLetter = assertThrows(RuntimeException.class, () -> BoundedRetry.run(
                THREE_QUICK_ATTEMPTS, "test", "record 0/1", () -> {
                    runs.incrementAndGet();
                    justFailed.set(true);
                    throw new jakarta.persistence.PersistenceException(new SQLException("terminating", "57P02"));
                }, () -> !justFailed.getAndSet(false), (attempts, failure) -> new RuntimeException("dead", failure)));
        assertEquals(4, runs.get(), "three outages waited out, the fourth ends it");
        assertEquals("dead", deadLetter.getMessage());
    }

    /** A statement that breaks its own connection (a crashed backend) finds the database answering: counted. */
    @Test
    void aConnectionFailureWhileTheDatabaseAnswersIsTheRecords() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(RuntimeException.class, () -> BoundedRetry.run(THREE_QUICK_ATTEMPTS, "test", "record 0/1", () -> {
            runs.incrementAndGet();
            throw new jakarta.persistence.PersistenceException(new SQLException("I/O error", "08006"));
        }, () -> true, (attempts, failure) -> failure));
        assertEquals(3, runs.get());
    }

    /**
     * The service shutting down interrupts the wait for the database: ending it would nack the record, and dead-letter
     * a record nothing is wrong with. The wait goes on; the interruption is kept for the caller.
     */
    @Test
    void anInterruptionDoesNotEndTheWaitForTheDatabase() {
        AtomicInteger runs = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            AtomicInteger probes = new AtomicInteger();
            BoundedRetry.run(THREE_QUICK_ATTEMPTS, "test", "record 0/1", () -> {
                if (runs.incrementAndGet() < 2) {
                    throw new IllegalStateException("no connection");
                }
            }, () -> probes.incrementAndGet() > 3, (attempts, failure) -> failure);
            assertEquals(2, runs.get());
            assertTrue(Thread.currentThread().isInterrupted(), "the interruption is the caller's to see");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void whatIsLoggedOfAFailureNamesTheExceptionNotItsMessage() {
        RuntimeException failure = new RuntimeException(new SQLException("duplicate 11010119900307213X", "08006"));
        assertEquals("java.sql.SQLException SQLSTATE 08006", BoundedRetry.describe(failure));
        assertEquals("java.lang.IllegalStateException",
                BoundedRetry.describe(new RuntimeException(new IllegalStateException("11010119900307213X"))));
    }

    @Test
    void poisonIsNeverRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(PoisonEventException.class, () -> BoundedRetry.run(THREE_QUICK_ATTEMPTS, "test", "record 0/1",
                () -> {
                    runs.incrementAndGet();
                    throw new PoisonEventException("not JSON");
                }, () -> false, (attempts, failure) -> failure));
        assertEquals(1, runs.get());
    }
}
