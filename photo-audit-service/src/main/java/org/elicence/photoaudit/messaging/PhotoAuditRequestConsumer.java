package org.elicence.photoaudit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.messaging.events.PhotoAuditRequested;
import org.elicence.messaging.inbox.EventRouter;
import org.elicence.messaging.inbox.InboundEventProcessor;
import org.elicence.photoaudit.service.PhotoAuditService;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Audits every photo requested on the photo-audit-requests topic. */
@ApplicationScoped
public class PhotoAuditRequestConsumer {

    private final InboundEventProcessor processor;
    private final EventRouter router;

    @Inject
    public PhotoAuditRequestConsumer(InboundEventProcessor processor, PhotoAuditService audits) {
        this.processor = processor;
        this.router = EventRouter.builder().on(PhotoAuditRequested.class, audits::audit).build();
    }

    @Incoming("photo-audit-requests")
    @Blocking
    public void onRequest(ConsumerRecord<String, String> record) {
        processor.process("photo-audit", record, router);
    }
}
