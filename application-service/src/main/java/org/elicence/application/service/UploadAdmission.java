package org.elicence.application.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.messaging.memory.PayloadMemoryBudget;
import org.elicence.messaging.metrics.OwnedGauges;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bounds the heap that uploads take, in two shares. While its body arrives, an upload holds its body's bytes of the
 * transfer budget ({@code applications.uploads.transfer-budget}, 21 MiB: two chunked bodies of the largest size; a
 * body without a declared length the array of the largest size it is read into), for at most
 * {@code applications.uploads.body-timeout}; once the body is in, it reserves the rest of about
 * {@link #HEAP_BYTES_PER_BODY_BYTE} times its body from the service's {@link PayloadMemoryBudget}, which the outbox
 * relay draws on too, and gives both back when it is answered. One that cannot get a share within
 * {@code applications.uploads.admission-timeout} is answered 503 with Retry-After. Until 2026-12-07 the whole share
 * was reserved from the payload budget before the body was read: one upload of 9.2 MiB or more, or any chunked one,
 * took all of it for as long as its client took to send, and a client sending a byte a minute held every other
 * upload and every event of the service for that long. The body is streamed, so a waiting upload holds no more than
 * the HTTP layer's buffers. One applicant's bodies still arriving may hold at most
 * {@code applications.uploads.transfer-per-applicant} (10 MiB) on an instance, a first one whatever its size (a
 * chunked one takes the largest body plus a byte, which the budget leaves room for twice): until 2026-12-07 one
 * account trickling two maximum bodies held the whole transfer budget for three minutes. Each body arriving holds a
 * worker thread as well, and bodies are counted too: at most {@code applications.uploads.bodies-per-applicant} (4) of
 * one applicant's at once, uploads and refusals being drained alike, and at most {@code applications.uploads.refusal-drains}
 * (16) refusals drained at once in all; a refusal past either is answered without reading the rest of its body (the
 * connection is closed). Until 2026-12-07 refusals were drained without a count: one account sending 200 refused
 * bodies a byte at a time held every worker thread for three minutes. Gauge {@code upload_transfer_reserved_bytes}.
 */
@ApplicationScoped
public class UploadAdmission {

    /**
     * Heap an upload takes per byte of body: the body, the copy without metadata, the base64 text inside the
     * event, the event's JSON (built as UTF-16 characters, then a string) and the driver's bytes.
     */
    static final int HEAP_BYTES_PER_BODY_BYTE = 7;
    private static final long MIN_SHARE = 64 * 1024;

    private final PayloadMemoryBudget memory;
    private final PayloadMemoryBudget transfers;
    private final Duration timeout;
    private final long perApplicant;
    private final int bodiesPerApplicant;
    private final Semaphore refusalDrains;
    private final ConcurrentHashMap<String, Arriving> arrivingByApplicant = new ConcurrentHashMap<>();
    private final OwnedGauges gauges;

    @Inject
    public UploadAdmission(ApplicationConfig config, PayloadMemoryBudget memory, MeterRegistry metrics) {
        this.memory = memory;
        this.transfers = new PayloadMemoryBudget(config.uploads().transferBudget());
        this.timeout = config.uploads().admissionTimeout();
        this.perApplicant = config.uploads().transferPerApplicant();
        this.bodiesPerApplicant = config.uploads().bodiesPerApplicant();
        this.refusalDrains = new Semaphore(config.uploads().refusalDrains());
        this.gauges = new OwnedGauges(metrics);
        gauges.register(Gauge.builder("upload.transfer.reserved", transfers, PayloadMemoryBudget::reservedBytes)
                .baseUnit("bytes")
                .description("Heap held by upload bodies still arriving (applications.uploads.transfer-budget)"));
    }

    @PreDestroy
    void removeGauges() {
        gauges.removeAll();
    }

    /**
     * Waits for the share of a body while it arrives: {@code declaredBytes}, or without a declared length (-1) the
     * array of the largest size it is read into (UploadBody; cut to what came under the processing share); 429
     * UPLOADS_IN_PROGRESS when the applicant's bodies still arriving already hold their part of it here
     * ({@code applications.uploads.transfer-per-applicant}), 503 UPLOADS_BUSY when no share came in time.
     */
    public Transfer admitTransfer(String applicant, long declaredBytes, int maxBytes) {
        long share = Math.max(MIN_SHARE, declaredBytes >= 0 ? declaredBytes : maxBytes + 1L);
        if (!count(applicant, share)) {
            throw new ProblemException(ProblemCode.UPLOADS_IN_PROGRESS).retryAfter(5);
        }
        try {
            return new Transfer(applicant, share,
                    transfers.reserve(share, timeout).orElseThrow(UploadAdmission::busy));
        } catch (RuntimeException | Error notAdmitted) {
            release(applicant, share);
            throw notAdmitted;
        }
    }

    /**
     * Counts a refused body read to its end (so that a client still sending reads the refusal) against its
     * applicant's bodies arriving and the drains of the instance; empty when either is full: the refusal is then
     * answered without reading the rest, on a connection that closes.
     */
    public Optional<Drain> admitDrain(String applicant) {
        if (!refusalDrains.tryAcquire()) {
            return Optional.empty();
        }
        if (!count(applicant, 0)) {
            refusalDrains.release();
            return Optional.empty();
        }
        return Optional.of(new Drain(applicant));
    }

    /**
     * Adds a body of {@code share} bytes to the applicant's bodies arriving, unless that would be more bodies than
     * allowed, or more bytes (a first body is let in whatever its size, beside drains, which hold no bytes).
     */
    private boolean count(String applicant, long share) {
        boolean[] counted = {false};
        arrivingByApplicant.compute(applicant, (who, held) -> {
            Arriving now = held == null ? Arriving.NONE : held;
            boolean fits = now.bodies() < bodiesPerApplicant
                    && (share == 0 || now.bytes() == 0 || now.bytes() + share <= perApplicant);
            if (!fits) {
                return held;
            }
            counted[0] = true;
            return new Arriving(now.bytes() + share, now.bodies() + 1);
        });
        return counted[0];
    }

    /**
     * Waits for the rest of an upload's share once its body of {@code bodyBytes} is in (the body itself is the
     * transfer share's); 503 UPLOADS_BUSY when none came in time.
     */
    public PayloadMemoryBudget.Reservation admitProcessing(long bodyBytes) {
        return memory.reserve(Math.max(MIN_SHARE, bodyBytes * (HEAP_BYTES_PER_BODY_BYTE - 1)), timeout)
                .orElseThrow(UploadAdmission::busy);
    }

    private void release(String applicant, long share) {
        arrivingByApplicant.computeIfPresent(applicant, (who, held) -> held.bodies() <= 1 ? null
                : new Arriving(held.bytes() - share, held.bodies() - 1));
    }

    /** What one applicant's bodies still arriving hold on this instance. */
    private record Arriving(long bytes, int bodies) {
        static final Arriving NONE = new Arriving(0, 0);
    }

    private static ProblemException busy() {
        return new ProblemException(ProblemCode.UPLOADS_BUSY).retryAfter(5);
    }

    /** A refused body being read to its end, counted until {@link #close()}. */
    public final class Drain implements AutoCloseable {
        private final String applicant;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Drain(String applicant) {
            this.applicant = applicant;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(applicant, 0);
                refusalDrains.release();
            }
        }
    }

    /** A body's share of the transfer budget and of its applicant's part of it, given back once by {@link #close()}. */
    public final class Transfer implements AutoCloseable {
        private final String applicant;
        private final long share;
        private final PayloadMemoryBudget.Reservation reservation;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Transfer(String applicant, long share, PayloadMemoryBudget.Reservation reservation) {
            this.applicant = applicant;
            this.share = share;
            this.reservation = reservation;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                reservation.close();
                release(applicant, share);
            }
        }
    }
}
