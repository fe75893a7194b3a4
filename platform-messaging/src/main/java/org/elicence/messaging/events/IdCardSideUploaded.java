package org.elicence.messaging.events;

import java.time.Instant;

/** The applicant uploaded one side of the ID card; the bytes are as received. */
public record IdCardSideUploaded(String applicationId, String applicantId, String uploadId, IdCardSide side,
        String contentType, String imageBase64, Instant uploadedAt) {

    @Override
    public String toString() {
        return "IdCardSideUploaded[application=" + applicationId + ", upload=" + uploadId + ", side=" + side + "]";
    }
}
