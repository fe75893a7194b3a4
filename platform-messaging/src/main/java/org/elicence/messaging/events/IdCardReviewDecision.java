package org.elicence.messaging.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reviewer's decision on a case, typed by an operator with kcat onto {@code idcard-review-decisions}.
 * Unlike every other event it needs no CloudEvents headers: idcard-service reads the JSON body and
 * de-duplicates by {@code decisionId}. {@code reason} (shown to the applicant, zh-CN) is required for
 * REJECT; {@code reasonEn} is its English text and {@code code} an optional machine-readable reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdCardReviewDecision(String decisionId, String caseId, String reviewerId, String decision,
        String reason, String reasonEn, String code) {

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
}
