package org.elicence.messaging.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A staff decision closed a photo review case ({@code status} APPROVED or REJECTED, with the rules a
 * rejection named). It follows the case's {@link PhotoReviewCaseOpened} on {@code photo-review-cases}, so
 * the last event per case id tells an operator whether the case is still pending.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoReviewCaseClosed(String caseId, String applicationId, String status, String decisionId,
        String reviewerId, List<String> rules, String reason, Instant closedAt) implements KeyedByApplication {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
}
