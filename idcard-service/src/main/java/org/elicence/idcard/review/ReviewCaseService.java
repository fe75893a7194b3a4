package org.elicence.idcard.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.elicence.idcard.registry.Applicant;
import org.elicence.messaging.events.ApplicationWithdrawn;
import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.elicence.messaging.events.IdCardReviewCaseOpened;
import org.elicence.messaging.events.IdCardReviewOpened;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.inbox.PoisonEventException;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Opens review cases (the applicant hears that staff will look, staff get the case on their topic), and closes a
 * pending one whose application was withdrawn or settled on a photo.
 */
@ApplicationScoped
public class ReviewCaseService {

    private static final Logger LOG = Logger.getLogger(ReviewCaseService.class);
    private final Outbox outbox;

    @Inject
    public ReviewCaseService(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Opens a case when the application's applicant is known here (its {@code ApplicationCreated} was seen: staff
     * review a card against a known applicant and name, never a stand-in) and the latest front and back both passed,
     * are that applicant's uploads, were uploaded after the application's last rejected case (the rejection asks for
     * both sides again: a side staff turned down is not shown to them a second time, and its images go with the
     * decision's retention) and still have their images. Called when a side's reading passes and when the application
     * becomes known, whichever comes last.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openIfBothSidesPassed(UUID applicationId) {
        // The reading that passes the second side and the ApplicationCreated that makes the applicant known may run at
        // once, each unable to see the other's uncommitted write: without the lock, neither would open the case.
        ApplicationLock.hold(applicationId);
        // Before the last rejection is read, not after: a staff decision does not take this lock, and a REJECT
        // committed between the two reads would leave no live case and a rejection not yet seen, and the case would
        // open again on the side staff had just turned down. Read first, a live case ends it here; a rejection
        // committed by then is seen below (each statement reads what is committed when it starts).
        if (ReviewCase.liveCaseExists(applicationId)) {
            return;
        }
        Instant lastRejection = ReviewCase.lastRejectedAt(applicationId).orElse(Instant.EPOCH);
        Predicate<IdCardUpload> reviewable = upload -> upload.passed() && upload.uploadedAt.isAfter(lastRejection)
                && upload.imagesDeletedAt == null;
        Optional<IdCardUpload> front = IdCardUpload.latest(applicationId, IdCardSide.FRONT).filter(reviewable);
        Optional<IdCardUpload> back = IdCardUpload.latest(applicationId, IdCardSide.BACK).filter(reviewable);
        if (front.isEmpty() || back.isEmpty()) {
            return;
        }
        // locked: a withdrawal handled at the same time sees this case, or this sees the withdrawal
        Applicant applicant = Applicant.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (applicant == null) {
            // its ApplicationCreated is late or was dead-lettered (then the dead letter needs replaying): warned, for
            // application-service's sweep hands the card back as ID_CARD_REVIEW_NOT_OPENED after 15 minutes
            LOG.warnf("application %s: both card sides passed, but the application is not known here yet; its case"
                    + " opens when its ApplicationCreated is handled", applicationId);
            return;
        }
        if (applicant.closedAs() != null) {
            LOG.infof("application %s: both card sides passed, but the application was %s; no case opened",
                    applicationId, applicant.closedAs());
            return;
        }
        // Both sides must be the applicant's uploads. A side kept before ApplicationCreated was seen here was checked
        // only against its own uploader's number (application-service takes uploads from the applicant's own token
        // only, so a mismatch is a fault or a forgery): staff never review a card read against another number.
        if (!applicant.applicantId.equals(front.get().uploaderId)
                || !applicant.applicantId.equals(back.get().uploaderId)) {
            LOG.warnf("application %s: a card side names another uploader than the application's applicant; no case"
                    + " opened until the applicant's own sides pass", applicationId);
            return;
        }
        ReviewCase reviewCase = new ReviewCase();
        reviewCase.caseId = UUID.randomUUID();
        reviewCase.applicationId = applicationId;
        reviewCase.applicantId = applicant.applicantId;
        reviewCase.frontUploadId = front.get().uploadId;
        reviewCase.backUploadId = back.get().uploadId;
        reviewCase.status = ReviewCase.Status.PENDING;
        reviewCase.openedAt = Instant.now();
        reviewCase.persist();

        String caseId = reviewCase.caseId.toString();
        outbox.publish(applicationId.toString(), new IdCardReviewOpened(applicationId.toString(), caseId));
        outbox.publish(applicationId.toString(), new IdCardReviewCaseOpened(caseId, applicationId.toString(),
                reviewCase.applicantId, applicant.fullName, IdCardReviewCaseOpened.PENDING,
                applicant.registryOutcome.requiresUpload() ? applicant.registryOutcome.uploadReason() : null,
                reviewCase.openedAt, front.get().uploadId.toString(), back.get().uploadId.toString(),
                front.get().checks, back.get().checks, cardImage(front.get()), cardImage(back.get()),
                portrait(front.get())));
        LOG.infof("application %s: review case %s opened", applicationId, caseId);
    }

    /**
     * application-service withdrew the application: no case opens for it any more, and a pending one closes as
     * WITHDRAWN (announced on {@code idcard-review-cases}, so staff's queue drops it). The withdrawal must name the
     * applicant the application (and each case) is about.
     *
     * @throws PoisonEventException when it names another applicant, or an application not known here
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onApplicationWithdrawn(ApplicationWithdrawn withdrawn) {
        Applicant applicant = closePendingCases(withdrawn.applicationId(), withdrawn.applicantId(), "withdrawal",
                ReviewCase.Status.WITHDRAWN, "withdrawn (" + withdrawn.reason() + ")");
        if (applicant.withdrawnAt == null) {
            applicant.withdrawnAt = Instant.now();
        }
    }

    /**
     * application-service settled the application on a photo (the audit passed it: {@code application.photo-accepted};
     * a reviewer approved it: {@code photo.review-approved}): the licence is made from that photo, so the card needs
     * no review. A pending case closes as SUPERSEDED, with no decision (staff's queue drops it, its images' retention
     * starts), and no case opens any more. The event must name the application's applicant.
     *
     * @throws PoisonEventException when it names another applicant, or an application not known here
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onSettledOnAPhoto(String applicationId, String applicantId) {
        Applicant applicant = closePendingCases(applicationId, applicantId, "photo settling",
                ReviewCase.Status.SUPERSEDED, "settled on a photo");
        if (applicant.settledOnPhotoAt == null) {
            applicant.settledOnPhotoAt = Instant.now();
        }
    }

    /**
     * Closes the application's pending cases undecided, with {@code status}. The applicant's row is locked first: a
     * staff decision on a case in flight would otherwise be overwritten by this after its approval was published
     * (the decision locks only its case), and a case being opened at the same time sees the mark the caller sets.
     *
     * @return the application's applicant, locked
     * @throws PoisonEventException when the application is not known here, or the event names another applicant
     */
    private Applicant closePendingCases(String applicationIdText, String applicantId, String what,
            ReviewCase.Status status, String why) {
        UUID applicationId = UUID.fromString(applicationIdText);
        Applicant applicant = Applicant.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (applicant == null) {
            // It travels on the topic of the application's ApplicationCreated, after it: that was dead-lettered here.
            // Marking an unknown application would need a row without its applicant; the dead letter keeps this for
            // a replay after that of the ApplicationCreated (docs/idcard.md). No case can be open: none opens for
            // an application not known here.
            throw new PoisonEventException("the " + what + " of application " + applicationId
                    + " came before its ApplicationCreated was handled here");
        }
        List<ReviewCase> pending = ReviewCase.pendingOfApplicationForUpdate(applicationId);
        boolean sameApplicant = applicant.applicantId.equals(applicantId)
                && pending.stream().allMatch(c -> c.applicantId.equals(applicantId));
        if (!sameApplicant) {
            // No resident ID in the reason: it ends up in a dead-letter header and the logs.
            throw new PoisonEventException("the " + what + " of application " + applicationId
                    + " names another applicant than the application's");
        }
        Instant now = Instant.now();
        for (ReviewCase reviewCase : pending) {
            reviewCase.status = status;
            reviewCase.decidedAt = now; // its images' retention runs from here (ImageRetention)
            outbox.publish(applicationIdText, new IdCardReviewCaseClosed(reviewCase.caseId.toString(),
                    applicationIdText, status.name(), null, null, null, null, now));
            LOG.infof("application %s %s: review case %s closed", applicationId, why, reviewCase.caseId);
        }
        return applicant;
    }

    /** The licence portrait cut from the case's front upload. */
    public EncodedImage portrait(IdCardUpload front) {
        return EncodedImage.of(front.portrait);
    }

    private static EncodedImage cardImage(IdCardUpload upload) {
        return EncodedImage.of(upload.rectifiedCard);
    }
}
