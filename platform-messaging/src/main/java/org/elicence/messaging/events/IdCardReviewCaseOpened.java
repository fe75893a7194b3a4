package org.elicence.messaging.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A review case for staff, on the operators' topic {@code idcard-review-cases}: who applied, why the
 * upload was needed, the automatic checks of each side, and the images staff must look at (each
 * side rectified to the card's shape, and the portrait extracted from the front). {@code status} is
 * always {@code PENDING}; {@link IdCardReviewCaseClosed} on the same topic ends the case.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdCardReviewCaseOpened(String caseId, String applicationId, String applicantId, String applicantName,
        String status, String uploadReason, Instant openedAt, String frontUploadId, String backUploadId,
        List<RuleCheck> frontChecks, List<RuleCheck> backChecks, EncodedImage front, EncodedImage back,
        EncodedImage portrait) implements KeyedByApplication {

    public static final String PENDING = "PENDING";

    @Override
    public String toString() {
        return "IdCardReviewCaseOpened[case=" + caseId + ", application=" + applicationId + "]";
    }
}
