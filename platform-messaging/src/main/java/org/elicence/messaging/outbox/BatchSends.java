package org.elicence.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.elicence.messaging.memory.PayloadMemoryBudget;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * The sends of one outbox batch, awaited up to the relay's send timeout. Records handed to the Kafka producer are not
 * taken back when the relay stops waiting: they stay in its buffers until the broker takes them or the producer gives
 * up ({@code delivery.timeout.ms}, two minutes after each was handed over). Released at the timeout, the batch's share of the payload memory
 * would let uploads take that heap again while the records still hold it, and the next pass would send the batch a
 * second time beside the first, a copy a pass for as long as the broker stays away. So after a timeout the share
 * stays taken, and {@link #outstanding()} holds the relay's passes back, until every send has ended, or at most
 * {@code maxHold} (what the producer's own limits allow a whole batch, so that a lost callback cannot stop the relay
 * for good).
 */
final class BatchSends {

    private final AtomicBoolean outstanding = new AtomicBoolean();
    private final Duration maxHold;

    BatchSends(Duration maxHold) {
        this.maxHold = maxHold;
    }

    /** Whether a batch whose wait timed out still has sends in the producer. */
    boolean outstanding() {
        return outstanding.get();
    }

    /**
     * Awaits {@code sends} (subscribed once) up to {@code timeout}. On time, the caller still holds {@code share} and
     * closes it; after the timeout the share is handed to the sends' end, and the timeout is thrown.
     */
    <T> T await(Uni<T> sends, Duration timeout, PayloadMemoryBudget.Reservation share) {
        Uni<T> once = sends.memoize().indefinitely();
        try {
            return once.await().atMost(timeout);
        } catch (TimeoutException stillSending) {
            outstanding.set(true);
            once.ifNoItem().after(maxHold).fail()
                    .subscribe().with(ended -> release(share), failed -> release(share));
            throw stillSending;
        }
    }

    private void release(PayloadMemoryBudget.Reservation share) {
        share.close();
        outstanding.set(false);
    }
}
