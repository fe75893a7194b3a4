package org.elicence.messaging.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An authority suspended, revoked or reinstated a licence. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LicenceStatusChanged(String applicationId, String licenceNumber, String status, String reason,
        Instant changedAt) implements KeyedByApplication {
}
