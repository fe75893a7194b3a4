package org.elicence.idcard.service;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.elicence.idcard.check.CardSideChecker;
import org.elicence.idcard.check.CardSideReport;
import org.elicence.idcard.check.CardSideUpload;
import org.elicence.idcard.registry.Applicant;
import org.elicence.idcard.review.IdCardUpload;
import org.elicence.idcard.review.ReviewCaseService;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.IdCardSideChecked;
import org.elicence.messaging.events.IdCardSideUploaded;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Issue 4, first half: each uploaded side is checked automatically, the result is kept and told to
 * the applicant; once the latest front and back both pass, staff get a review case.
 */
@ApplicationScoped
public class IdCardUploadService {

    private static final Logger LOG = Logger.getLogger(IdCardUploadService.class);

    private final CardSideChecker checker;
    private final ReviewCaseService reviewCases;
    private final Outbox outbox;

    @Inject
    public IdCardUploadService(CardSideChecker checker, ReviewCaseService reviewCases, Outbox outbox) {
        this.checker = checker;
        this.reviewCases = reviewCases;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSideUploaded(IdCardSideUploaded uploaded) {
        UUID uploadId = UUID.fromString(uploaded.uploadId());
        if (IdCardUpload.findById(uploadId) != null) {
            LOG.infof("upload %s of application %s was already checked, ignoring the repeat", uploadId,
                    uploaded.applicationId());
            return;
        }
        UUID applicationId = UUID.fromString(uploaded.applicationId());
        Applicant applicant = Applicant.findById(applicationId);
        IdCardSide otherSide = uploaded.side() == IdCardSide.FRONT ? IdCardSide.BACK : IdCardSide.FRONT;
        Long otherSideHash = IdCardUpload.latest(applicationId, otherSide).map(other -> other.perceptualHash)
                .orElse(null);
        byte[] image = decode(uploaded.imageBase64());
        // The card must carry the applicant's number. Until the application's ApplicationCreated has been seen here
        // its applicant is the uploader: application-service accepts uploads from the applicant's own token only.
        String applicantResidentId = applicant == null ? uploaded.applicantId() : applicant.applicantId;
        // The name printed on the front is compared with the applicant's (ID20); unknown until ApplicationCreated.
        String applicantName = applicant == null ? null : applicant.fullName;
        CardSideReport report = checker.check(new CardSideUpload(uploaded.side(), image, applicantResidentId,
                applicantName, otherSideHash));

        IdCardUpload upload = new IdCardUpload();
        upload.uploadId = uploadId;
        upload.applicationId = applicationId;
        upload.side = uploaded.side();
        upload.contentType = uploaded.contentType();
        upload.image = image;
        upload.rectifiedCard = report.rectifiedCard();
        upload.portrait = report.portrait();
        upload.perceptualHash = report.perceptualHash();
        upload.verdict = report.verdict();
        upload.checks = report.checks();
        upload.uploadedAt = uploaded.uploadedAt();
        upload.checkedAt = Instant.now();
        upload.persist();
        outbox.publish(uploaded.applicationId(), new IdCardSideChecked(uploaded.applicationId(),
                uploaded.uploadId(), uploaded.side(), report.verdict(), report.checks()));
        LOG.infof("application %s: %s upload %s checked, %s", applicationId, uploaded.side(), uploadId,
                report.verdict());
        if (report.passed()) {
            reviewCases.openIfBothSidesPassed(applicationId, uploaded.applicantId());
        }
    }

    /** Undecodable base64 is kept as no bytes: the checker reports it as an unreadable image. */
    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
