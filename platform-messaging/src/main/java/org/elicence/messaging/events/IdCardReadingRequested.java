package org.elicence.messaging.events;

import java.time.Instant;

/**
 * idcard-service asks photo-audit-service to read one uploaded ID-card side (docs/idcard.md, "Who reads the card").
 * {@code imageBase64} is the upload as received; {@code applicantId} is the resident ID number the card must carry
 * and {@code applicantName} the name its front must print, null while idcard-service has not seen the application
 * and on a back (it prints no name). Personal data: never logged.
 */
public record IdCardReadingRequested(String applicationId, String uploadId, IdCardSide side, String contentType,
        String imageBase64, String applicantId, String applicantName, Instant requestedAt)
        implements KeyedByApplication {

    @Override
    public String toString() {
        return "IdCardReadingRequested[application=" + applicationId + ", upload=" + uploadId + ", side=" + side + "]";
    }
}
