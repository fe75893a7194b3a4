package org.elicence.idcard.service;

import java.util.Optional;
import java.util.UUID;

import org.elicence.idcard.registry.Applicant;
import org.elicence.idcard.review.IdCardUpload;
import org.elicence.idcard.review.ReviewCase;
import org.elicence.idcard.review.ReviewDecision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Puts an application's record together from idcard-service's tables. */
@ApplicationScoped
public class ApplicantRecordService {

    /** Empty when idcard-service has seen nothing at all of the application. */
    @Transactional
    public Optional<ApplicantRecord> recordOf(UUID applicationId) {
        Applicant applicant = Applicant.findById(applicationId);
        var uploads = IdCardUpload.ofApplication(applicationId).stream()
                .map(u -> new ApplicantRecord.Upload(u.uploadId.toString(), u.side.name(), u.verdict, u.checks,
                        u.uploadedAt, u.checkedAt))
                .toList();
        var cases = ReviewCase.ofApplication(applicationId).stream()
                .map(c -> new ApplicantRecord.Case(c.caseId.toString(), c.status.name(), c.openedAt, c.decidedAt,
                        c.decisionId, c.frontUploadId.toString(), c.backUploadId.toString()))
                .toList();
        var decisions = ReviewDecision.ofApplication(applicationId).stream()
                .map(d -> new ApplicantRecord.Decision(d.decisionId, d.caseId, d.reviewerId, d.decision, d.reason,
                        d.reasonEn, d.outcome, d.refusalCode, d.refusalReason, d.receivedAt))
                .toList();
        if (applicant == null && uploads.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApplicantRecord(applicationId.toString(),
                applicant == null ? null : applicant.applicantId, applicant == null ? null : applicant.fullName,
                applicant == null ? null : new ApplicantRecord.Registry(applicant.registryOutcome.name(),
                        applicant.registryPhotoId == null ? null : applicant.registryPhotoId.toString(),
                        applicant.lookedUpAt),
                uploads, cases, decisions));
    }
}
