package org.elicence.messaging.events;

/** Staff approved the uploaded ID card; its portrait, normalised to the licence format, is attached. */
public record IdCardApproved(String applicationId, String applicantId, String caseId, EncodedImage portrait)
        implements KeyedByApplication {

    @Override
    public String toString() {
        return "IdCardApproved[application=" + applicationId + ", case=" + caseId + "]";
    }
}
