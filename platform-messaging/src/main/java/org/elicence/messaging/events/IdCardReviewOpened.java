package org.elicence.messaging.events;

/** Both sides passed the automatic checks; a review case waits for staff. */
public record IdCardReviewOpened(String applicationId, String caseId) implements KeyedByApplication {
}
