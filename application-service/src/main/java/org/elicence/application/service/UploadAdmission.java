package org.elicence.application.service;

import java.time.Duration;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.messaging.memory.PayloadMemoryBudget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bounds the heap that uploads take. An upload reserves about {@link #HEAP_BYTES_PER_BODY_BYTE} times its body
 * from the service's {@link PayloadMemoryBudget} (which the outbox relay draws on too, when it sends the event
 * with the image) before its body is read, and gives it back when it is answered; one that cannot get its share
 * within {@code applications.uploads.admission-timeout} is answered 503 with Retry-After. Small uploads go side by
 * side, the largest one at a time. The body is streamed, so a waiting upload holds no more than the HTTP layer's
 * buffers.
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
    private final Duration timeout;

    @Inject
    public UploadAdmission(ApplicationConfig config, PayloadMemoryBudget memory) {
        this.memory = memory;
        this.timeout = config.uploads().admissionTimeout();
    }

    /** Waits for the share of an upload of (at most) {@code bodyBytes}; 503 UPLOADS_BUSY when none came in time. */
    public PayloadMemoryBudget.Reservation admit(long bodyBytes) {
        return memory.reserve(Math.max(MIN_SHARE, bodyBytes * HEAP_BYTES_PER_BODY_BYTE), timeout)
                .orElseThrow(UploadAdmission::busy);
    }

    private static ProblemException busy() {
        return new ProblemException(ProblemCode.UPLOADS_BUSY).retryAfter(5);
    }
}
