package org.elicence.application.service;

import java.time.Duration;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.messaging.memory.PayloadMemoryBudget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bounds the heap that uploads take, in two shares. While its body arrives, an upload holds its body's bytes of the
 * transfer budget ({@code applications.uploads.transfer-budget}, 20 MiB; a body without a declared length the
 * array of the largest size it is read into), for at most {@code applications.uploads.body-timeout}; once the body
 * is in, it reserves the rest of about {@link #HEAP_BYTES_PER_BODY_BYTE} times its body from the service's {@link PayloadMemoryBudget}, which the outbox
 * relay draws on too, and gives both back when it is answered. One that cannot get a share within
 * {@code applications.uploads.admission-timeout} is answered 503 with Retry-After. Until 2026-12-07 the whole share
 * was reserved from the payload budget before the body was read: one upload of 9.2 MiB or more, or any chunked one,
 * took all of it for as long as its client took to send, and a client sending a byte a minute held every other
 * upload and every event of the service for that long. The body is streamed, so a waiting upload holds no more than
 * the HTTP layer's buffers.
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

    @Inject
    public UploadAdmission(ApplicationConfig config, PayloadMemoryBudget memory) {
        this.memory = memory;
        this.transfers = new PayloadMemoryBudget(config.uploads().transferBudget());
        this.timeout = config.uploads().admissionTimeout();
    }

    /**
     * Waits for the share of a body while it arrives: {@code declaredBytes}, or without a declared length (-1) the
     * array of the largest size it is read into (UploadBody; cut to what came under the processing share); 503
     * UPLOADS_BUSY when none came in time.
     */
    public PayloadMemoryBudget.Reservation admitTransfer(long declaredBytes, int maxBytes) {
        long share = declaredBytes >= 0 ? declaredBytes : maxBytes + 1L;
        return transfers.reserve(Math.max(MIN_SHARE, share), timeout).orElseThrow(UploadAdmission::busy);
    }

    /**
     * Waits for the rest of an upload's share once its body of {@code bodyBytes} is in (the body itself is the
     * transfer share's); 503 UPLOADS_BUSY when none came in time.
     */
    public PayloadMemoryBudget.Reservation admitProcessing(long bodyBytes) {
        return memory.reserve(Math.max(MIN_SHARE, bodyBytes * (HEAP_BYTES_PER_BODY_BYTE - 1)), timeout)
                .orElseThrow(UploadAdmission::busy);
    }

    private static ProblemException busy() {
        return new ProblemException(ProblemCode.UPLOADS_BUSY).retryAfter(5);
    }
}
