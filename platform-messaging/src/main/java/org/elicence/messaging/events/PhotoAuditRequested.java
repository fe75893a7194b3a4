package org.elicence.messaging.events;

import java.time.Instant;

/** A photo to audit. {@code imageBase64} holds the bytes exactly as received (not re-encoded). */
public record PhotoAuditRequested(String applicationId, String applicantId, String photoId, PhotoSource source,
        String contentType, String imageBase64, Instant requestedAt) {

    @Override
    public String toString() {
        return "PhotoAuditRequested[application=" + applicationId + ", photo=" + photoId + ", source=" + source + "]";
    }
}
