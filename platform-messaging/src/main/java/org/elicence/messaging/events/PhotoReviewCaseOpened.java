package org.elicence.messaging.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A photo review case for staff, on the operators' topic {@code photo-review-cases}, opened by
 * application-service when the audit could not assess a rule ({@code trigger} NOT_ASSESSABLE) or when an
 * applicant who failed the audit repeatedly asked for a person to look ({@code APPLICANT_REQUEST}). It
 * carries every check of the audited photo with what was measured and the threshold, the annotated copy
 * and, when the audit produced one, the normalised licence portrait. {@code status} is always PENDING;
 * {@link PhotoReviewCaseClosed} on the same topic ends the case. Same shape and life as
 * {@link IdCardReviewCaseOpened}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoReviewCaseOpened(String caseId, String applicationId, String applicantName,
        String status, String trigger, String photoId, PhotoSource source, String verdict, int failedAudits,
        Instant openedAt, List<RuleCheck> checks, EncodedImage annotated, EncodedImage portrait)
        implements KeyedByApplication {

    public static final String PENDING = "PENDING";
    public static final String NOT_ASSESSABLE = "NOT_ASSESSABLE";
    public static final String APPLICANT_REQUEST = "APPLICANT_REQUEST";

    @Override
    public String toString() {
        return "PhotoReviewCaseOpened[case=" + caseId + ", application=" + applicationId + ", trigger=" + trigger
                + "]";
    }
}
