package org.elicence.idcard.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.idcard.review.ReviewDecisionService;
import org.elicence.messaging.inbox.InFlightRecords;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads staff decisions from {@code idcard-review-decisions}. Operators type them with kcat, so they
 * carry no CloudEvents headers (see {@link ReviewDecisionService}); a record that is not JSON is
 * thrown to the connector, whose dead-letter strategy moves it to {@code idcard-service.dlq}.
 */
@ApplicationScoped
public class ReviewDecisionConsumer {

    private final ReviewDecisionService decisions;
    private final InFlightRecords inFlight;

    @Inject
    public ReviewDecisionConsumer(ReviewDecisionService decisions, InFlightRecords inFlight) {
        this.decisions = decisions;
        this.inFlight = inFlight;
    }

    @Incoming("review-decisions")
    @Blocking
    public void onDecision(ConsumerRecord<String, String> record) {
        try (InFlightRecords.Handling handling = inFlight.start(record)) {
            decisions.onDecisionRecord(record);
        }
    }
}
