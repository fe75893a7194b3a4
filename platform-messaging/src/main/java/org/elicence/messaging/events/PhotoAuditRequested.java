package org.elicence.messaging.events;

import java.time.Instant;

/**
 * A photo to audit. {@code imageBase64} holds the compressed bytes as received, not re-encoded, with every metadata
 * block removed at intake except the EXIF orientation (docs/privacy.md).
 */
public record PhotoAuditRequested(String applicationId, String applicantId, String photoId, PhotoSource source,
        String contentType, String imageBase64, Instant requestedAt) implements KeyedByApplication {

    @Override
    public String toString() {
        return "PhotoAuditRequested[application=" + applicationId + ", photo=" + photoId + ", source=" + source + "]";
    }
}
