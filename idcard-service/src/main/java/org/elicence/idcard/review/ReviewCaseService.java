package org.elicence.idcard.review;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.elicence.idcard.registry.Applicant;
import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.IdCardReviewCaseOpened;
import org.elicence.messaging.events.IdCardReviewOpened;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Opens review cases: the applicant hears that staff will look, staff get the case on their topic. */
@ApplicationScoped
public class ReviewCaseService {

    private static final Logger LOG = Logger.getLogger(ReviewCaseService.class);
    private static final String UNKNOWN_NAME = "(application not yet received)";

    private final Outbox outbox;

    @Inject
    public ReviewCaseService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void openIfBothSidesPassed(UUID applicationId, String uploaderResidentId) {
        Optional<IdCardUpload> front = IdCardUpload.latest(applicationId, IdCardSide.FRONT)
                .filter(IdCardUpload::passed);
        Optional<IdCardUpload> back = IdCardUpload.latest(applicationId, IdCardSide.BACK)
                .filter(IdCardUpload::passed);
        if (front.isEmpty() || back.isEmpty() || ReviewCase.liveCaseExists(applicationId)) {
            return;
        }
        Applicant applicant = Applicant.findById(applicationId);
        ReviewCase reviewCase = new ReviewCase();
        reviewCase.caseId = UUID.randomUUID();
        reviewCase.applicationId = applicationId;
        reviewCase.applicantId = applicant == null ? uploaderResidentId : applicant.applicantId;
        reviewCase.frontUploadId = front.get().uploadId;
        reviewCase.backUploadId = back.get().uploadId;
        reviewCase.status = ReviewCase.Status.PENDING;
        reviewCase.openedAt = Instant.now();
        reviewCase.persist();

        String caseId = reviewCase.caseId.toString();
        outbox.publish(applicationId.toString(), new IdCardReviewOpened(applicationId.toString(), caseId));
        outbox.publish(applicationId.toString(), new IdCardReviewCaseOpened(caseId, applicationId.toString(),
                reviewCase.applicantId, applicant == null ? UNKNOWN_NAME : applicant.fullName,
                IdCardReviewCaseOpened.PENDING,
                applicant == null || !applicant.registryOutcome.requiresUpload() ? null
                        : applicant.registryOutcome.uploadReason(),
                reviewCase.openedAt, front.get().uploadId.toString(), back.get().uploadId.toString(),
                front.get().checks, back.get().checks, cardImage(front.get()), cardImage(back.get()),
                portrait(front.get())));
        LOG.infof("application %s: review case %s opened", applicationId, caseId);
    }

    /** The licence portrait cut from the case's front upload. */
    public EncodedImage portrait(IdCardUpload front) {
        return EncodedImage.of(front.portrait);
    }

    private static EncodedImage cardImage(IdCardUpload upload) {
        return EncodedImage.of(upload.rectifiedCard);
    }
}
