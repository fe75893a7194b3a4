package org.elicence.messaging.events;

import java.time.Instant;

/**
 * The applicant uploaded one side of the ID card: the bytes as received, every metadata block removed at intake
 * except the EXIF orientation.
 */
public record IdCardSideUploaded(String applicationId, String applicantId, String uploadId, IdCardSide side,
        String contentType, String imageBase64, Instant uploadedAt) implements KeyedByApplication {

    @Override
    public String toString() {
        return "IdCardSideUploaded[application=" + applicationId + ", upload=" + uploadId + ", side=" + side + "]";
    }
}
