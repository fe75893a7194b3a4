package org.elicence.messaging.events;

import java.time.Instant;

/** An applicant opened an application for an e-licence. */
public record ApplicationCreated(String applicationId, String applicantId, String fullName, Instant createdAt) {
}
