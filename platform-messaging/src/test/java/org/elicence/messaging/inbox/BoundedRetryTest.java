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
     * after three quick attempts. Whether it is out of reach is asked of it after each failure; while it is, no attempt
     * is used, and the record's own failures are still counted after it.
     */
    @Test
    void aDatabaseOutageUsesUpNoAttempt() {
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean away = new AtomicBoolean(true);
        RuntimeException deadLetter = assertThrows(RuntimeException.class, () -> BoundedRetry.run(
                THREE_QUICK_ATTEMPTS, "test", "record 0/1", () -> {
                    if (runs.incrementAndGet() == 10) {
                        away.set(false);
                    }
                    throw new IllegalStateException("statement timeout");
                }, () -> !away.get(), (attempts, failure) -> new RuntimeException("failed after " + attempts, failure)));
        assertEquals(12, runs.get(), "nine runs while the database was away, then three attempts");
        assertEquals("failed after 3", deadLetter.getMessage());
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
            BoundedRetry.run(THREE_QUICK_ATTEMPTS, "test", "record 0/1", () -> {
                if (runs.incrementAndGet() < 5) {
                    throw new IllegalStateException("no connection");
                }
            }, () -> runs.get() >= 5, (attempts, failure) -> failure);
            assertEquals(5, runs.get());
            assertTrue(Thread.currentThread().isInterrupted(), "the interruption is the caller's to see");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void whatIsLoggedOfAFailureNamesTheExceptionNotItsMessage() {
        RuntimeException failure = new RuntimeException(new SQLException("duplicate 11010119900307213X", "08006"));
        assertEquals("java.sql.SQLException SQLSTATE 08006", DatabaseProbe.describe(failure));
        assertEquals("java.lang.IllegalStateException",
                DatabaseProbe.describe(new RuntimeException(new IllegalStateException("11010119900307213X"))));
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
