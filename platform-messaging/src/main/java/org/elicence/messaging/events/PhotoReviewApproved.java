package org.elicence.messaging.events;

/**
 * Staff approved a photo the audit could not accept alone; the normalised licence portrait of the audit is
 * attached. Published by application-service on {@code applications}; the licence issuer treats it like a
 * passing audit.
 */
public record PhotoReviewApproved(String applicationId, String applicantId, String caseId, String photoId,
        EncodedImage portrait) implements KeyedByApplication {

    @Override
    public String toString() {
        return "PhotoReviewApproved[application=" + applicationId + ", case=" + caseId + "]";
    }
}
