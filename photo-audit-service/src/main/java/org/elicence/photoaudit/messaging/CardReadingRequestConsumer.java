package org.elicence.photoaudit.messaging;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.messaging.deadletter.ReplayableChannels;
import org.elicence.messaging.events.IdCardReadingRequested;
import org.elicence.messaging.inbox.EventRouter;
import org.elicence.messaging.inbox.InboundEventProcessor;
import org.elicence.photoaudit.service.CardReadingService;
import org.elicence.photoaudit.service.OneImageAtATime;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads every ID-card side idcard-service asks about on the idcard-reading-requests topic, one image at a time with
 * the portrait audits: a delivery begins when the image is its turn ({@link OneImageAtATime}).
 */
@ApplicationScoped
public class CardReadingRequestConsumer implements ReplayableChannels {

    private final InboundEventProcessor processor;
    private final EventRouter router;

    @Inject
    public CardReadingRequestConsumer(InboundEventProcessor processor, CardReadingService readings,
            OneImageAtATime images) {
        this.processor = processor;
        this.router = EventRouter.builder().on(IdCardReadingRequested.class, readings::read,
                (request, delivery) -> images.run(OneImageAtATime.Work.CARD_READING, request.requestedAt(), delivery))
                .build();
    }

    @Incoming("idcard-reading-requests")
    @Blocking
    public void onRequest(ConsumerRecord<String, String> record) {
        processor.process("card-reading", record, router);
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, String>>> replayableChannels() {
        return Map.of("idcard-reading-requests", this::onRequest);
    }
}
