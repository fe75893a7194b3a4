package org.elicence.messaging.memory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.elicence.messaging.MessagingConfig;
import org.elicence.messaging.metrics.OwnedGauges;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The heap that large payloads in flight may take together, {@code messaging.payload-memory-budget}. Everything
 * that holds an image in memory reserves its share before it reads a byte (an upload at intake, the outbox relay
 * before it loads a batch) and gives it back when done. Uploads and the relay must draw on one budget: bounded
 * each on its own, they still met in the heap (16 parallel 10 MiB uploads while the relay sent the first ones
 * ended in OutOfMemoryError with a 154 MB heap, docs/reliability.md).
 *
 * <p>A share larger than the whole budget is cut to the budget: such a payload runs alone. Waiting is fair (first
 * come, first served), so a large share is not starved by a stream of small ones.
 */
@ApplicationScoped
public class PayloadMemoryBudget {

    private static final long KIB = 1024;

    private final Semaphore free;
    private final int budgetKib;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final Optional<OwnedGauges> gauges;

    @Inject
    public PayloadMemoryBudget(MessagingConfig config, MeterRegistry metrics) {
        this(config.payloadMemoryBudget().asLongValue(), Optional.of(new OwnedGauges(metrics)));
        gauges.get().register(Gauge.builder("payload.memory.reserved", reserved, AtomicLong::get).baseUnit("bytes")
                .description("Heap reserved by payloads in flight (uploads, outbox batches)"));
        gauges.get().register(Gauge.builder("payload.memory.reserved.peak", peak, AtomicLong::get).baseUnit("bytes")
                .description("Most heap ever reserved by payloads at once (never above the budget)"));
    }

    /** A budget of {@code bytes}, without metrics (tests of pure logic). */
    public PayloadMemoryBudget(long bytes) {
        this(bytes, Optional.empty());
    }

    private PayloadMemoryBudget(long bytes, Optional<OwnedGauges> gauges) {
        this.budgetKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / KIB));
        this.free = new Semaphore(budgetKib, true);
        this.gauges = gauges;
    }

    /** Bytes reserved now. */
    public long reservedBytes() {
        return reserved.get();
    }

    @PreDestroy
    void removeGauges() {
        gauges.ifPresent(OwnedGauges::removeAll);
    }

    /** A share of the budget, given back by {@link #close()} (once, however often it is called). */
    public final class Reservation implements AutoCloseable {
        private final int kib;
        private boolean closed;

        private Reservation(int kib) {
            this.kib = kib;
        }

        public long bytes() {
            return kib * KIB;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                reserved.addAndGet(-kib * KIB);
                free.release(kib);
            }
        }
    }

    /**
     * Waits up to {@code timeout} for {@code bytes} (at least 1 KiB, at most the whole budget).
     *
     * @return the reservation, or empty when the budget stayed taken (or the thread was interrupted)
     */
    public Optional<Reservation> reserve(long bytes, Duration timeout) {
        int kib = (int) Math.min(budgetKib, Math.max(1, (bytes + KIB - 1) / KIB));
        try {
            if (!free.tryAcquire(kib, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        long now = reserved.addAndGet(kib * KIB);
        peak.accumulateAndGet(now, Math::max);
        return Optional.of(new Reservation(kib));
    }

    /** The most ever reserved at once, in bytes. */
    public long peakBytes() {
        return peak.get();
    }

    public long budgetBytes() {
        return budgetKib * KIB;
    }
}
