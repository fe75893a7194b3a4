package org.elicence.idcard.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.elicence.messaging.events.RuleCheck;

/**
 * Everything idcard-service did for one application, for operators: the registry lookup, every
 * uploaded side with its checks, every review case and every decision record (refused ones too).
 * Images are left out; the review case on Kafka carries them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicantRecord(String applicationId, String applicantId, String fullName, Registry registry,
        List<Upload> uploads, List<Case> reviewCases, List<Decision> decisions) {

    public record Registry(String outcome, String photoId, Instant lookedUpAt) {
    }

    public record Upload(String uploadId, String side, String verdict, List<RuleCheck> checks, Instant uploadedAt,
            Instant checkedAt) {
    }

    public record Case(String caseId, String status, Instant openedAt, Instant decidedAt, String decisionId,
            String frontUploadId, String backUploadId) {
    }

    public record Decision(String decisionId, String caseId, String reviewerId, String decision, String reason,
            String reasonEn, String outcome, String refusalCode, String refusalReason, Instant receivedAt) {
    }
}
