package org.elicence.messaging.events;

import java.time.Instant;

/** An authority suspended, revoked or reinstated a licence. */
public record LicenceStatusChanged(String applicationId, String licenceNumber, String status, String reason,
        Instant changedAt) {
}
