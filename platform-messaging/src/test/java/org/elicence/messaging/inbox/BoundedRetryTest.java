package org.elicence.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
                throw new IllegalStateException("database restarting");
            }
        }, (attempts, failure) -> failure);
        assertEquals(3, runs.get());
    }

    @Test
    void aFailureThatLastsEndsInTheExceptionItMakesAfterTheLastAttempt() {
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException down = new IllegalStateException("database down");
        RuntimeException deadLetter = assertThrows(RuntimeException.class, () -> BoundedRetry.run(
                THREE_QUICK_ATTEMPTS, "test", "record 0/1", () -> {
                    runs.incrementAndGet();
                    throw down;
                }, (attempts, failure) -> new RuntimeException("failed after " + attempts, failure)));
        assertEquals(3, runs.get());
        assertEquals("failed after 3", deadLetter.getMessage());
        assertSame(down, deadLetter.getCause());
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
