package org.elicence.photoaudit.messaging;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.messaging.deadletter.ReplayableChannels;
import org.elicence.messaging.events.PhotoAuditRequested;
import org.elicence.messaging.inbox.EventRouter;
import org.elicence.messaging.inbox.InboundEventProcessor;
import org.elicence.photoaudit.service.OneImageAtATime;
import org.elicence.photoaudit.service.PhotoAuditService;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Audits every photo requested on the photo-audit-requests topic, one image at a time with the card readings: a
 * delivery begins when the image is its turn ({@link OneImageAtATime}), so a request that waits for a card side's
 * reading has not begun, and a crash during that reading is not counted against it.
 */
@ApplicationScoped
public class PhotoAuditRequestConsumer implements ReplayableChannels {

    private final InboundEventProcessor processor;
    private final EventRouter router;

    @Inject
    public PhotoAuditRequestConsumer(InboundEventProcessor processor, PhotoAuditService audits,
            OneImageAtATime images) {
        this.processor = processor;
        this.router = EventRouter.builder().on(PhotoAuditRequested.class, audits::audit,
                (request, delivery) -> images.run(OneImageAtATime.Work.PORTRAIT_AUDIT, request.requestedAt(), delivery))
                .build();
    }

    @Incoming("photo-audit-requests")
    @Blocking
    public void onRequest(ConsumerRecord<String, String> record) {
        processor.process("photo-audit", record, router);
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, String>>> replayableChannels() {
        return Map.of("photo-audit-requests", this::onRequest);
    }
}
