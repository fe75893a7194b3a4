package org.elicence.messaging.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A staff decision closed a review case ({@code status} APPROVED or REJECTED, with the decision and the reviewer), or
 * application-service withdrew its application while it was pending ({@code status} WITHDRAWN, no decision, no
 * reviewer: no one needs to review it), or settled it on a photo (SUPERSEDED: the licence is made from the photo the
 * audit or a reviewer accepted, so the card need not be reviewed). It follows the case's {@link IdCardReviewCaseOpened} on
 * {@code idcard-review-cases}, so the last event per case id tells an operator whether the case is still pending.
 * {@code reason} and {@code reasonEn} are the reviewer's words, as the decision gave them (the English one optional):
 * application-service's held sweep tells the applicant a rejection from them when its own event never came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdCardReviewCaseClosed(String caseId, String applicationId, String status, String decisionId,
        String reviewerId, String reason, String reasonEn, Instant closedAt)
        implements KeyedByApplication {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String SUPERSEDED = "SUPERSEDED";
}
