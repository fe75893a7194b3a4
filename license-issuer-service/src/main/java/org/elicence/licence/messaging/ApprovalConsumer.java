package org.elicence.licence.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.licence.config.DocumentSignerStanding;
import org.elicence.licence.service.AcceptedPhotos;
import org.elicence.licence.service.ApplicationWithdrawals;
import org.elicence.licence.service.ApprovalsAwaitingCreation;
import org.elicence.licence.service.AwaitingApproval;
import org.elicence.licence.service.DeviceKeys;
import org.elicence.licence.service.KnownApplications;
import org.elicence.licence.service.LicenceIssuanceService;
import org.elicence.messaging.LogContext;
import org.elicence.messaging.deadletter.ReplayableChannels;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.ApplicationWithdrawn;
import org.elicence.messaging.events.DeviceKeyRegistered;
import org.elicence.messaging.events.IdCardApproved;
import org.elicence.messaging.events.PhotoAccepted;
import org.elicence.messaging.events.PhotoAudited;
import org.elicence.messaging.events.PhotoReviewApproved;
import org.elicence.messaging.inbox.EventRouter;
import org.elicence.messaging.inbox.InboundEventProcessor;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The approvals that lead to a licence decision: a passing photo audit of the photo application-service accepted
 * ({@code application.photo-accepted}, on {@code applications}), a photo staff approved after the audit
 * could not assess it (application-service's photo review, on {@code applications}), and an approved ID card; and,
 * on {@code applications}, the device key the applicant's app registered, which the credential will be bound to,
 * and the withdrawal of an application, after which none of its approvals is issued from. Each names an application
 * that {@code application.created} made known; one read before that is kept and handled once it is
 * ({@link ApprovalsAwaitingCreation}).
 */
@ApplicationScoped
public class ApprovalConsumer implements ReplayableChannels {

    private static final Logger LOG = Logger.getLogger(ApprovalConsumer.class);
    private static final String CONSUMER = "licence-issuer";
    private static final int KEPT_PER_PASS = 100;

    private final InboundEventProcessor processor;
    private final ApprovalsAwaitingCreation awaiting;
    private final DocumentSignerStanding signer;
    /** What each approval does, for an application known: on delivery, or later when it was kept. */
    private final EventRouter approvals;
    private final EventRouter router;

    @Inject
    public ApprovalConsumer(InboundEventProcessor processor, LicenceIssuanceService issuance,
            KnownApplications applications, DeviceKeys deviceKeys, AcceptedPhotos acceptedPhotos,
            ApplicationWithdrawals withdrawals, ApprovalsAwaitingCreation awaiting, DocumentSignerStanding signer) {
        this.processor = processor;
        this.awaiting = awaiting;
        this.signer = signer;
        this.approvals = EventRouter.builder()
                .on(DeviceKeyRegistered.class, deviceKeys::register)
                .on(PhotoAudited.class, acceptedPhotos::onPassed)
                .on(PhotoAccepted.class, acceptedPhotos::onAccepted)
                .on(PhotoReviewApproved.class, approved ->
                        issuance.onApproval(approved.applicationId(), approved.applicantId(), approved.portrait()))
                .on(IdCardApproved.class, approved ->
                        issuance.onApproval(approved.applicationId(), approved.applicantId(), approved.portrait()))
                .on(ApplicationWithdrawn.class, withdrawals::onWithdrawn)
                .build();
        Consumer<PhotoAudited> passed = onceCreated(PhotoAudited::applicationId);
        this.router = EventRouter.builder()
                .on(ApplicationCreated.class, applications::learn)
                .on(DeviceKeyRegistered.class, onceCreated(DeviceKeyRegistered::applicationId))
                .on(PhotoAudited.class, audited -> {
                    // A failed photo is the applicant's to retry (its portrait, if any, is for a reviewer); a pass's
                    // is issued from only once application-service accepts that photo as its current one (issue 14).
                    if (audited.passed()) {
                        passed.accept(audited);
                    }
                })
                .on(PhotoAccepted.class, onceCreated(PhotoAccepted::applicationId))
                .on(PhotoReviewApproved.class, onceCreated(PhotoReviewApproved::applicationId))
                .on(IdCardApproved.class, onceCreated(IdCardApproved::applicationId))
                .on(ApplicationWithdrawn.class, onceCreated(ApplicationWithdrawn::applicationId))
                .build();
    }

    /** Handles an approval now if its application is known (and nothing of it is kept), else keeps it. */
    private <T> Consumer<T> onceCreated(Function<T, String> applicationOf) {
        return approval -> {
            if (!awaiting.keptUntilCreated(applicationOf.apply(approval), approval)) {
                approvals.handle(approval);
            }
        };
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

    /**
     * The approvals kept because they came before their application's creation, whose creation has been read since:
     * each application's oldest handled in its own transaction, as on delivery (the next at the next pass, so they
     * keep the order they were read in); an attempt is counted before it begins, a failure on the kept approval,
     * which stays until it is refused. None is tried while the document signer is revoked or expired: an approval
     * would fail every attempt and be refused within a minute, holding its application's later events until an
     * operator tried it again by hand; they wait instead, and go on once a signer that can sign is installed (the
     * alerts ElicenceDocumentSignerRevoked / Expired say so).
     */
    @Scheduled(every = "${licence.awaiting-creation.interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void handleKeptApprovalsOfKnownApplications() {
        if (!signer.usable()) {
            return;
        }
        List<AwaitingApproval.Ready> ready;
        try {
            ready = QuarkusTransaction.requiringNew().call(() -> awaiting.ready(KEPT_PER_PASS));
        } catch (RuntimeException e) {
            LOG.debugf("kept approvals not looked at this time: %s", e.getClass().getSimpleName());
            return;
        }
        for (AwaitingApproval.Ready kept : ready) {
            try (LogContext context = LogContext.forApplication(kept.applicationId().toString())) {
                handle(kept);
            }
        }
    }

    private void handle(AwaitingApproval.Ready kept) {
        try {
            if (QuarkusTransaction.requiringNew().call(() -> awaiting.beginAttempt(kept.id()))) {
                QuarkusTransaction.requiringNew().run(() -> awaiting.take(kept.id()).ifPresent(approvals::handle));
            }
        } catch (RuntimeException | Error failure) {
            try {
                QuarkusTransaction.requiringNew().run(() -> awaiting.failed(kept.id(), failure));
            } catch (RuntimeException e) {
                LOG.warnf("kept approval %d: its failure was not recorded (%s); tried again", kept.id(),
                        e.getClass().getSimpleName());
            }
            if (failure instanceof Error error) {
                throw error; // counted; not handled on past it (memory, a library that does not load)
            }
        }
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, String>>> replayableChannels() {
        return Map.of("photo-audit-results", this::onPhotoAuditResult,
                "applications", this::onApplicationEvent,
                "idcard-events", this::onIdCardEvent);
    }
}
