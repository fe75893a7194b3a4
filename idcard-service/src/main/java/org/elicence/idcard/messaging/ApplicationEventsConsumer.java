package org.elicence.idcard.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.idcard.service.RegistryLookupService;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.inbox.EventRouter;
import org.elicence.messaging.inbox.InboundEventProcessor;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the {@code applications} topic: each new application triggers the registry lookup. Lookups of
 * different applications run concurrently ({@code throttled.ordered=key}); ID-card uploads travel on
 * {@code idcard-uploads} ({@link IdCardUploadsConsumer}) so that a lookup never waits behind a card check.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

    static final String CONSUMER = "idcard-service.applications";

    private final InboundEventProcessor processor;
    private final EventRouter router;

    @Inject
    public ApplicationEventsConsumer(InboundEventProcessor processor, RegistryLookupService registryLookup) {
        this.processor = processor;
        this.router = EventRouter.builder()
                .on(ApplicationCreated.class, registryLookup::onApplicationCreated)
                .build();
    }

    @Incoming("applications")
    @Blocking(ordered = false)
    public void onApplicationEvent(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, router);
    }
}
