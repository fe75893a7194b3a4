package org.elicence.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.elicence.messaging.memory.PayloadMemoryBudget;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/** A batch's share of the payload memory outlives the relay's wait as long as its sends do (pure logic, Mutiny). */
class BatchSendsTest {

    private static final long MIB = 1024 * 1024;

    private final PayloadMemoryBudget budget = new PayloadMemoryBudget(8 * MIB);
    private final BatchSends batches = new BatchSends(Duration.ofSeconds(5));
    private final AtomicInteger subscriptions = new AtomicInteger();

    @Test
    void sendsEndingInTimeLeaveTheShareToTheCaller() {
        PayloadMemoryBudget.Reservation share = budget.reserve(8 * MIB, Duration.ZERO).orElseThrow();
        assertEquals("acked", batches.await(sends("acked", Duration.ofMillis(20)), Duration.ofSeconds(2), share));
        assertFalse(batches.outstanding());
        assertTrue(taken(), "the caller closes the share");
        share.close();
        assertFalse(taken());
    }

    @Test
    void sendsOutlivingTheWaitKeepTheShareAndHoldPassesBackUntilTheyEnd() throws InterruptedException {
        PayloadMemoryBudget.Reservation share = budget.reserve(8 * MIB, Duration.ZERO).orElseThrow();
        assertThrows(TimeoutException.class,
                () -> batches.await(sends("acked", Duration.ofMillis(600)), Duration.ofMillis(50), share));
        assertTrue(batches.outstanding(), "no pass may send the batch again while it is in the producer");
        assertTrue(taken(), "the records in the producer still hold the heap");
        waitWhileOutstanding(batches);
        assertFalse(taken(), "given back when the last send ended");
        assertEquals(1, subscriptions.get(), "the sends run once: waiting for their end sends nothing again");
    }

    @Test
    void sendsThatNeverEndAreLetGoAfterTheLongestHold() throws InterruptedException {
        BatchSends shortHold = new BatchSends(Duration.ofMillis(300));
        PayloadMemoryBudget.Reservation share = budget.reserve(8 * MIB, Duration.ZERO).orElseThrow();
        assertThrows(TimeoutException.class,
                () -> shortHold.await(Uni.createFrom().nothing(), Duration.ofMillis(50), share));
        assertTrue(shortHold.outstanding());
        assertTrue(taken());
        waitWhileOutstanding(shortHold);
        assertFalse(taken());
    }

    private Uni<String> sends(String result, Duration ackAfter) {
        return Uni.createFrom().item(result).onItem().delayIt().by(ackAfter)
                .onSubscription().invoke(subscriptions::incrementAndGet);
    }

    private static void waitWhileOutstanding(BatchSends sends) throws InterruptedException {
        for (int i = 0; i < 150 && sends.outstanding(); i++) {
            Thread.sleep(20);
        }
        assertFalse(sends.outstanding());
    }

    /** Whether the whole budget is taken (the one share is the whole budget). */
    private boolean taken() {
        var probe = budget.reserve(1, Duration.ZERO);
        probe.ifPresent(PayloadMemoryBudget.Reservation::close);
        return probe.isEmpty();
    }
}
