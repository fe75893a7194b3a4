package org.elicence.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
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
        }, (attempts, failure) -> failure);
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
                }, (attempts, failure) -> new RuntimeException("failed after " + attempts, failure)));
        assertEquals(3, runs.get());
        assertEquals("failed after 3", deadLetter.getMessage());
        assertSame(down, deadLetter.getCause());
    }

    /**
     * A database out of reach says nothing of the record: every record read during an outage used to be dead-lettered
     * after three quick attempts. It is waited out, and the record's own failures are still counted after it.
     */
    @Test
    void aDatabaseOutageUsesUpNoAttempt() {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException deadLetter = assertThrows(RuntimeException.class, () -> BoundedRetry.run(
                THREE_QUICK_ATTEMPTS, "test", "record 0/1", () -> {
                    int run = runs.incrementAndGet();
                    if (run <= 10) {
                        throw new jakarta.persistence.PersistenceException(new RuntimeException("wrapped",
                                new SQLException("The connection attempt failed. (value 11010119900307213X)",
                                        run % 2 == 0 ? "08001" : "57P01")));
                    }
                    throw new IllegalStateException("statement timeout");
                }, (attempts, failure) -> new RuntimeException("failed after " + attempts, failure)));
        assertEquals(13, runs.get(), "ten runs while the database was away, then three attempts");
        assertEquals("failed after 3", deadLetter.getMessage());

        AtomicInteger later = new AtomicInteger();
        BoundedRetry.run(THREE_QUICK_ATTEMPTS, "test", "record 0/2", () -> {
            if (later.incrementAndGet() <= 5) {
                throw new IllegalStateException(new SQLTransientConnectionException("no connection from the pool"));
            }
        }, (attempts, failure) -> failure);
        assertEquals(6, later.get());
    }

    @Test
    void whatIsLoggedOfAnOutageNamesTheExceptionNotItsMessage() {
        RuntimeException failure = new RuntimeException(new SQLException("duplicate 11010119900307213X", "08006"));
        assertTrue(DatabaseUnreachable.causes(failure));
        assertEquals("java.sql.SQLException SQLSTATE 08006", DatabaseUnreachable.describe(failure));
        assertFalse(DatabaseUnreachable.causes(new SQLException("unique violation", "23505")));
        assertFalse(DatabaseUnreachable.causes(new IllegalStateException("no SQL at all")));
    }

    @Test
    void poisonIsNeverRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(PoisonEventException.class, () -> BoundedRetry.run(THREE_QUICK_ATTEMPTS, "test", "record 0/1",
                () -> {
                    runs.incrementAndGet();
                    throw new PoisonEventException("not JSON");
                }, (attempts, failure) -> failure));
        assertEquals(1, runs.get());
    }
}
