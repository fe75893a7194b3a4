package org.elicence.idcard.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.idcard.service.IdCardUploadService;
import org.elicence.idcard.service.RegistryLookupService;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.IdCardSideUploaded;
import org.elicence.messaging.inbox.EventRouter;
import org.elicence.messaging.inbox.InboundEventProcessor;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the {@code applications} topic: new applications trigger the registry lookup, ID-card
 * uploads their automatic checks. Other application events are skipped by the router.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

    static final String CONSUMER = "idcard-service.applications";

    private final InboundEventProcessor processor;
    private final EventRouter router;

    @Inject
    public ApplicationEventsConsumer(InboundEventProcessor processor, RegistryLookupService registryLookup,
            IdCardUploadService uploads) {
        this.processor = processor;
        this.router = EventRouter.builder()
                .on(ApplicationCreated.class, registryLookup::onApplicationCreated)
                .on(IdCardSideUploaded.class, uploads::onSideUploaded)
                .build();
    }

    @Incoming("applications")
    @Blocking
    public void onApplicationEvent(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, router);
    }
}
