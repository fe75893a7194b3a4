package org.elicence.idcard.messaging;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.idcard.service.IdCardUploadService;
import org.elicence.messaging.deadletter.ReplayableChannels;
import org.elicence.messaging.events.IdCardSideRead;
import org.elicence.messaging.inbox.EventRouter;
import org.elicence.messaging.inbox.InboundEventProcessor;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** photo-audit-service's readings of the uploaded ID-card sides, on {@code idcard-readings}. */
@ApplicationScoped
public class CardReadingConsumer implements ReplayableChannels {

    static final String CONSUMER = "idcard-service.idcard-readings";

    private final InboundEventProcessor processor;
    private final EventRouter readings;

    @Inject
    public CardReadingConsumer(InboundEventProcessor processor, IdCardUploadService cardUploads) {
        this.processor = processor;
        this.readings = EventRouter.builder().on(IdCardSideRead.class, cardUploads::onSideRead).build();
    }

    @Incoming("idcard-readings")
    @Blocking
    public void onReading(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, readings);
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, String>>> replayableChannels() {
        return Map.of("idcard-readings", this::onReading);
    }
}
