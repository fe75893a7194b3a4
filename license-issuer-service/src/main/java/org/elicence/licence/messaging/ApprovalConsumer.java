package org.elicence.licence.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.licence.service.AcceptedPhotos;
import org.elicence.licence.service.ApplicationWithdrawals;
import org.elicence.licence.service.DeviceKeys;
import org.elicence.licence.service.KnownApplications;
import org.elicence.licence.service.LicenceIssuanceService;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.ApplicationWithdrawn;
import org.elicence.messaging.events.DeviceKeyRegistered;
import org.elicence.messaging.events.IdCardApproved;
import org.elicence.messaging.events.PhotoAccepted;
import org.elicence.messaging.events.PhotoAudited;
import org.elicence.messaging.events.PhotoReviewApproved;
import org.elicence.messaging.inbox.EventRouter;
import org.elicence.messaging.inbox.InboundEventProcessor;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The approvals that lead to a licence decision: a passing photo audit of the photo application-service accepted
 * ({@code application.photo-accepted}, on {@code applications}), a photo staff approved after the audit
 * could not assess it (application-service's photo review, on {@code applications}), and an approved ID card; and,
 * on {@code applications}, the device key the applicant's app registered, which the credential will be bound to,
 * and the withdrawal of an application, after which none of its approvals is issued from.
 */
@ApplicationScoped
public class ApprovalConsumer {

    private static final String CONSUMER = "licence-issuer";

    private final InboundEventProcessor processor;
    private final EventRouter router;

    @Inject
    public ApprovalConsumer(InboundEventProcessor processor, LicenceIssuanceService issuance,
            KnownApplications applications, DeviceKeys deviceKeys, AcceptedPhotos acceptedPhotos,
            ApplicationWithdrawals withdrawals) {
        this.processor = processor;
        this.router = EventRouter.builder()
                .on(ApplicationCreated.class, applications::learn)
                .on(DeviceKeyRegistered.class, deviceKeys::register)
                .on(PhotoAudited.class, audited -> {
                    // A failed photo is the applicant's to retry (its portrait, if any, is for a reviewer); a pass's
                    // is issued from only once application-service accepts that photo as its current one (issue 14).
                    if (audited.passed()) {
                        acceptedPhotos.onPassed(audited);
                    }
                })
                .on(PhotoAccepted.class, acceptedPhotos::onAccepted)
                .on(PhotoReviewApproved.class, approved ->
                        issuance.onApproval(approved.applicationId(), approved.applicantId(), approved.portrait()))
                .on(IdCardApproved.class, approved ->
                        issuance.onApproval(approved.applicationId(), approved.applicantId(), approved.portrait()))
                .on(ApplicationWithdrawn.class, withdrawals::onWithdrawn)
                .build();
    }

    @Incoming("photo-audit-results")
    @Blocking
    public void onPhotoAuditResult(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, router);
    }

    @Incoming("applications")
    @Blocking
    public void onApplicationEvent(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, router);
    }

    @Incoming("idcard-events")
    @Blocking
    public void onIdCardEvent(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, router);
    }
}
