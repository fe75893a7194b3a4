package org.elicence.application.service;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.application.rest.ProblemException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bounds the heap that uploads take together. An upload reserves about five times its body (the body, the copy
 * without metadata, its base64, the event's JSON, the driver's bytes) from {@code applications.uploads.memory-budget}
 * before its body is read, and gives it back when it is answered; one that cannot get its share within
 * {@code admission-timeout} is answered 503 with Retry-After. Small uploads go side by side, the largest one at a
 * time. The body is streamed, so a waiting upload holds no more than the HTTP layer's buffers.
 */
@ApplicationScoped
public class UploadAdmission {

    /** Heap an upload takes per byte of body, measured as the copies the intake and the outbox make. */
    static final int BYTES_PER_BODY_BYTE = 5;
    private static final long KIB = 1024;

    private final Semaphore budget;
    private final int budgetKib;
    private final long timeoutMillis;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    @Inject
    public UploadAdmission(ApplicationConfig config, MeterRegistry metrics) {
        this.budgetKib = (int) Math.max(1, config.uploads().memoryBudget().asLongValue() / KIB);
        this.budget = new Semaphore(budgetKib, true);
        this.timeoutMillis = config.uploads().admissionTimeout().toMillis();
        Gauge.builder("uploads.memory.reserved", reserved, AtomicLong::get).baseUnit("bytes")
                .description("Heap reserved by uploads in progress").register(metrics);
        Gauge.builder("uploads.memory.reserved.peak", peak, AtomicLong::get).baseUnit("bytes")
                .description("Most heap ever reserved by uploads at once (never above the budget)").register(metrics);
    }

    /** A share of the budget, given back by {@link #close()}. */
    public final class Ticket implements AutoCloseable {
        private final int kib;
        private boolean closed;

        private Ticket(int kib) {
            this.kib = kib;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                reserved.addAndGet(-kib * KIB);
                budget.release(kib);
            }
        }
    }

    /** Waits for the share of an upload of (at most) {@code bodyBytes}. */
    public Ticket admit(long bodyBytes) {
        int kib = (int) Math.min(budgetKib, Math.max(64, bodyBytes * BYTES_PER_BODY_BYTE / KIB + 1));
        try {
            if (!budget.tryAcquire(kib, timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        long now = reserved.addAndGet(kib * KIB);
        peak.accumulateAndGet(now, Math::max);
        return new Ticket(kib);
    }

    /** The most ever reserved at once, in bytes. */
    public long peakBytes() {
        return peak.get();
    }

    public long budgetBytes() {
        return budgetKib * KIB;
    }

    private static ProblemException busy() {
        return new ProblemException(503, "UPLOADS_BUSY", "Too many uploads in progress",
                "Many images are being uploaded right now; please retry in a few seconds.").retryAfter(5);
    }
}
