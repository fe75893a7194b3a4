package org.elicence.application.messaging;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.application.service.IdCardRecordUpdater;
import org.elicence.messaging.deadletter.ReplayableChannels;
import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.elicence.messaging.events.IdCardReviewCaseOpened;
import org.elicence.messaging.events.IdCardReviewDecisionRejected;
import org.elicence.messaging.inbox.EventRouter;
import org.elicence.messaging.inbox.InboundEventProcessor;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * idcard-service's operators' topics, read for staff's whole record of an application (issue 12): the card review
 * cases and the decisions it refused. Its own consumer name, so the inbox de-duplicates these apart from the
 * applicant's view.
 */
@ApplicationScoped
public class IdCardRecordConsumer implements ReplayableChannels {

    private static final String CONSUMER = "idcard-record";

    private final InboundEventProcessor processor;
    private final EventRouter router;

    @Inject
    public IdCardRecordConsumer(InboundEventProcessor processor, IdCardRecordUpdater record) {
        this.processor = processor;
        this.router = EventRouter.builder()
                .on(IdCardReviewCaseOpened.class, record::onCaseOpened)
                .on(IdCardReviewCaseClosed.class, record::onCaseClosed)
                .on(IdCardReviewDecisionRejected.class, record::onDecisionRejected)
                .build();
    }

    @Incoming("idcard-review-cases")
    @Blocking
    public void onReviewCaseEvent(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, router);
    }

    @Incoming("idcard-review-decisions-rejected")
    @Blocking
    public void onRefusedDecision(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, router);
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, String>>> replayableChannels() {
        return Map.of("idcard-review-cases", this::onReviewCaseEvent,
                "idcard-review-decisions-rejected", this::onRefusedDecision);
    }
}
