package org.elicence.idcard.messaging;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.idcard.review.ReviewCaseService;
import org.elicence.idcard.service.IdCardUploadService;
import org.elicence.idcard.service.RegistryLookupService;
import org.elicence.messaging.deadletter.ReplayableChannels;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.ApplicationWithdrawn;
import org.elicence.messaging.events.IdCardSideUploaded;
import org.elicence.messaging.events.PhotoAccepted;
import org.elicence.messaging.events.PhotoReviewApproved;
import org.elicence.messaging.inbox.EventRouter;
import org.elicence.messaging.inbox.InboundEventProcessor;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What application-service publishes for idcard-service, on two topics so that a registry lookup never
 * waits behind a large card image: new applications on {@code applications} trigger the registry lookup (and a
 * withdrawn one closes its pending card review); uploaded
 * ID-card sides on {@code idcard-uploads} are kept and sent to photo-audit-service to be read. Each channel hands
 * over one record at a time per instance (platform-messaging's note on order).
 */
@ApplicationScoped
public class ApplicationEventsConsumer implements ReplayableChannels {

    static final String LOOKUP_CONSUMER = "idcard-service.applications";
    static final String UPLOAD_CONSUMER = "idcard-service.idcard-uploads";

    private final InboundEventProcessor processor;
    private final EventRouter applications;
    private final EventRouter uploads;

    @Inject
    public ApplicationEventsConsumer(InboundEventProcessor processor, RegistryLookupService registryLookup,
            IdCardUploadService cardUploads, ReviewCaseService reviewCases) {
        this.processor = processor;
        this.applications = EventRouter.builder().on(ApplicationCreated.class, registryLookup::onApplicationCreated)
                .on(ApplicationWithdrawn.class, reviewCases::onApplicationWithdrawn)
                .on(PhotoAccepted.class, accepted -> reviewCases.onSettledOnAPhoto(accepted.applicationId(),
                        accepted.applicantId()))
                .on(PhotoReviewApproved.class, approved -> reviewCases.onSettledOnAPhoto(approved.applicationId(),
                        approved.applicantId()))
                .build();
        this.uploads = EventRouter.builder().on(IdCardSideUploaded.class, cardUploads::onSideUploaded).build();
    }

    @Incoming("applications")
    @Blocking
    public void onApplicationEvent(ConsumerRecord<String, String> record) {
        processor.process(LOOKUP_CONSUMER, record, applications);
    }

    @Incoming("idcard-uploads")
    @Blocking
    public void onIdCardUpload(ConsumerRecord<String, String> record) {
        processor.process(UPLOAD_CONSUMER, record, uploads);
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, String>>> replayableChannels() {
        return Map.of("applications", this::onApplicationEvent, "idcard-uploads", this::onIdCardUpload);
    }
}
