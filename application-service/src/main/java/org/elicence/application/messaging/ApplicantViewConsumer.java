package org.elicence.application.messaging;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.application.service.ApplicantViewUpdater;
import org.elicence.messaging.deadletter.ReplayableChannels;
import org.elicence.messaging.events.IdCardApproved;
import org.elicence.messaging.events.IdCardRejected;
import org.elicence.messaging.events.IdCardReviewOpened;
import org.elicence.messaging.events.IdCardSideChecked;
import org.elicence.messaging.events.IdCardUploadRequired;
import org.elicence.messaging.events.IdRegistryPhotoRetrieved;
import org.elicence.messaging.events.LicenceIssued;
import org.elicence.messaging.events.LicenceRefused;
import org.elicence.messaging.events.LicenceStatusChanged;
import org.elicence.messaging.events.PhotoAudited;
import org.elicence.messaging.inbox.EventRouter;
import org.elicence.messaging.inbox.InboundEventProcessor;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Feeds the other services' events into the applicant's view. */
@ApplicationScoped
public class ApplicantViewConsumer implements ReplayableChannels {

    private static final String CONSUMER = "applicant-view";

    private final InboundEventProcessor processor;
    private final EventRouter router;

    @Inject
    public ApplicantViewConsumer(InboundEventProcessor processor, ApplicantViewUpdater view) {
        this.processor = processor;
        this.router = EventRouter.builder()
                .on(IdRegistryPhotoRetrieved.class, view::onRegistryPhotoRetrieved)
                .on(IdCardUploadRequired.class, view::onIdCardUploadRequired)
                .on(IdCardSideChecked.class, view::onIdCardSideChecked)
                .on(IdCardReviewOpened.class, view::onIdCardReviewOpened)
                .on(IdCardApproved.class, view::onIdCardApproved)
                .on(IdCardRejected.class, view::onIdCardRejected)
                .on(PhotoAudited.class, view::onPhotoAudited)
                .on(LicenceIssued.class, view::onLicenceIssued)
                .on(LicenceRefused.class, view::onLicenceRefused)
                .on(LicenceStatusChanged.class, view::onLicenceStatusChanged)
                .build();
    }

    @Incoming("idcard-events")
    @Blocking
    public void onIdCardEvent(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, router);
    }

    @Incoming("photo-audit-results")
    @Blocking
    public void onPhotoAuditResult(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, router);
    }

    @Incoming("licence-events")
    @Blocking
    public void onLicenceEvent(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, router);
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, String>>> replayableChannels() {
        return Map.of("idcard-events", this::onIdCardEvent,
                "photo-audit-results", this::onPhotoAuditResult,
                "licence-events", this::onLicenceEvent);
    }
}
