package org.elicence.messaging.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reviewer's decision on a photo review case, typed by an operator with kcat onto
 * {@code photo-review-decisions}. Like {@link IdCardReviewDecision} it needs no CloudEvents headers:
 * application-service reads the JSON body and de-duplicates by {@code decisionId}. A REJECT names the
 * {@code rules} the photo breaks and gives {@code reason} (zh-CN, shown to the applicant); {@code reasonEn}
 * is its English text and {@code code} an optional machine-readable reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoReviewDecision(String decisionId, String caseId, String reviewerId, String decision,
        List<String> rules, String reason, String reasonEn, String code) {

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
}
