package org.elicence.application.service;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
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
 * account trickling two maximum bodies held the whole transfer budget for three minutes. Gauge
 * {@code upload_transfer_reserved_bytes}.
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
    private final ConcurrentHashMap<String, Long> arrivingByApplicant = new ConcurrentHashMap<>();
    private final OwnedGauges gauges;

    @Inject
    public UploadAdmission(ApplicationConfig config, PayloadMemoryBudget memory, MeterRegistry metrics) {
        this.memory = memory;
        this.transfers = new PayloadMemoryBudget(config.uploads().transferBudget());
        this.timeout = config.uploads().admissionTimeout();
        this.perApplicant = config.uploads().transferPerApplicant();
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
        boolean[] counted = {false};
        arrivingByApplicant.compute(applicant, (who, held) -> {
            if (held != null && held + share > perApplicant) {
                return held;
            }
            counted[0] = true;
            return (held == null ? 0 : held) + share;
        });
        if (!counted[0]) {
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
     * Waits for the rest of an upload's share once its body of {@code bodyBytes} is in (the body itself is the
     * transfer share's); 503 UPLOADS_BUSY when none came in time.
     */
    public PayloadMemoryBudget.Reservation admitProcessing(long bodyBytes) {
        return memory.reserve(Math.max(MIN_SHARE, bodyBytes * (HEAP_BYTES_PER_BODY_BYTE - 1)), timeout)
                .orElseThrow(UploadAdmission::busy);
    }

    private void release(String applicant, long share) {
        arrivingByApplicant.computeIfPresent(applicant, (who, held) -> held - share <= 0 ? null : held - share);
    }

    private static ProblemException busy() {
        return new ProblemException(ProblemCode.UPLOADS_BUSY).retryAfter(5);
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
