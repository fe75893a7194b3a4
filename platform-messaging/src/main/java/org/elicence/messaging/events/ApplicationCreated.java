package org.elicence.messaging.events;

import java.time.Instant;

/** An applicant opened an application for an e-licence. */
public record ApplicationCreated(String applicationId, String applicantId, String fullName, Instant createdAt)
        implements KeyedByApplication {

    /** Without the ID number and the name (docs/privacy.md): an event logged by accident names the application only. */
    @Override
    public String toString() {
        return "ApplicationCreated[application=" + applicationId + "]";
    }
}
