package org.elicence.idcard.messaging;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.idcard.review.ReviewDecisionService;
import org.elicence.messaging.deadletter.ReplayableChannels;
import org.elicence.messaging.staff.OperatorCommands;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads staff decisions from {@code idcard-review-decisions} through platform-messaging's one handler of
 * operators' commands ({@link OperatorCommands}, {@link ReviewDecisionService}); a record that is not JSON is
 * thrown to the connector, whose dead-letter strategy moves it to {@code idcard-service.dlq}.
 */
@ApplicationScoped
public class ReviewDecisionConsumer implements ReplayableChannels {

    private final OperatorCommands commands;
    private final ReviewDecisionService decisions;

    @Inject
    public ReviewDecisionConsumer(OperatorCommands commands, ReviewDecisionService decisions) {
        this.commands = commands;
        this.decisions = decisions;
    }

    @Incoming("review-decisions")
    @Blocking
    public void onDecision(ConsumerRecord<String, String> record) {
        commands.handle(record, decisions);
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, String>>> replayableChannels() {
        return Map.of("review-decisions", this::onDecision);
    }
}
