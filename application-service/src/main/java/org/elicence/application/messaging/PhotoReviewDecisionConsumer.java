package org.elicence.application.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.application.service.PhotoReviewDecisions;
import org.elicence.messaging.inbox.InFlightRecords;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads staff decisions from {@code photo-review-decisions}. Operators type them with kcat, so they carry
 * no CloudEvents headers (see {@link PhotoReviewDecisions}); a record that is not JSON is thrown to the
 * connector, whose dead-letter strategy moves it to {@code application-service.dlq}.
 */
@ApplicationScoped
public class PhotoReviewDecisionConsumer {

    private final PhotoReviewDecisions reviews;
    private final InFlightRecords inFlight;

    @Inject
    public PhotoReviewDecisionConsumer(PhotoReviewDecisions reviews, InFlightRecords inFlight) {
        this.reviews = reviews;
        this.inFlight = inFlight;
    }

    @Incoming("photo-review-decisions")
    @Blocking
    public void onDecision(ConsumerRecord<String, String> record) {
        try (InFlightRecords.Handling handling = inFlight.start(record)) {
            reviews.onDecisionRecord(record);
        }
    }
}
