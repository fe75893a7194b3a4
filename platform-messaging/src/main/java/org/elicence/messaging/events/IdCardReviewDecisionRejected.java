package org.elicence.messaging.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A decision idcard-service refused; the case it named (if any) stays pending. {@code receivedValue}
 * is the record as typed (its first 16,384 characters), so nothing is lost, and
 * {@code sourcePartition}/{@code sourceOffset} say where it sits on {@code idcard-review-decisions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdCardReviewDecisionRejected(String decisionId, String caseId, String applicationId,
        String reviewerId, String code, String reason, String receivedValue, int sourcePartition,
        long sourceOffset, Instant rejectedAt) {

    public static final String UNKNOWN_CASE = "UNKNOWN_CASE";
    public static final String CASE_ALREADY_DECIDED = "CASE_ALREADY_DECIDED";
    public static final String MALFORMED_DECISION = "MALFORMED_DECISION";
    public static final String REVIEWER_NOT_AUTHORISED = "REVIEWER_NOT_AUTHORISED";
    /** APPROVE of a case whose front gave no licence portrait: there is nothing to issue the licence from. */
    public static final String NO_PORTRAIT = "NO_PORTRAIT";
    /**
     * APPROVE of a case one of whose sides the applicant has since uploaded again: the licence would be made from an
     * image the applicant took back, perhaps after being told the new one failed.
     */
    public static final String SIDES_REPLACED = "SIDES_REPLACED";
}
