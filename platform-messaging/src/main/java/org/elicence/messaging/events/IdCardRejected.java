package org.elicence.messaging.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The uploaded ID card was rejected, automatically or by staff, with the reason shown to the applicant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdCardRejected(String applicationId, String caseId, String code, LocalizedText message) {
}
