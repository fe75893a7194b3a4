package org.elicence.application.messaging;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.application.service.PhotoReviewDecisions;
import org.elicence.messaging.deadletter.ReplayableChannels;
import org.elicence.messaging.staff.OperatorCommands;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads staff decisions from {@code photo-review-decisions} through platform-messaging's one handler of
 * operators' commands ({@link OperatorCommands}, {@link PhotoReviewDecisions}); a record that is not JSON is
 * thrown to the connector, whose dead-letter strategy moves it to {@code application-service.dlq}.
 */
@ApplicationScoped
public class PhotoReviewDecisionConsumer implements ReplayableChannels {

    private final OperatorCommands commands;
    private final PhotoReviewDecisions reviews;

    @Inject
    public PhotoReviewDecisionConsumer(OperatorCommands commands, PhotoReviewDecisions reviews) {
        this.commands = commands;
        this.reviews = reviews;
    }

    @Incoming("photo-review-decisions")
    @Blocking
    public void onDecision(ConsumerRecord<String, String> record) {
        commands.handle(record, reviews);
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, String>>> replayableChannels() {
        return Map.of("photo-review-decisions", this::onDecision);
    }
}
