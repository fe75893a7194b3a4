package org.elicence.idcard.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.idcard.service.IdCardUploadService;
import org.elicence.messaging.events.IdCardSideUploaded;
import org.elicence.messaging.inbox.EventRouter;
import org.elicence.messaging.inbox.InboundEventProcessor;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the {@code idcard-uploads} topic: each uploaded ID-card side gets its automatic checks. One
 * record at a time per instance: a card check is a few hundred milliseconds of CPU, so an instance
 * keeps one core for them and leaves the rest to the lookups; more throughput comes from more instances
 * in the consumer group (docs/deploy.md).
 */
@ApplicationScoped
public class IdCardUploadsConsumer {

    static final String CONSUMER = "idcard-service.idcard-uploads";

    private final InboundEventProcessor processor;
    private final EventRouter router;

    @Inject
    public IdCardUploadsConsumer(InboundEventProcessor processor, IdCardUploadService uploads) {
        this.processor = processor;
        this.router = EventRouter.builder()
                .on(IdCardSideUploaded.class, uploads::onSideUploaded)
                .build();
    }

    @Incoming("idcard-uploads")
    @Blocking
    public void onUpload(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, router);
    }
}
