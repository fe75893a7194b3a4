package org.elicence.messaging.events;

/** No licence can be issued for this application; the reason is shown to the applicant. */
public record LicenceRefused(String applicationId, String code, LocalizedText message) implements KeyedByApplication {

    public static final String NO_DRIVING_LICENCE_RECORD = "NO_DRIVING_LICENCE_RECORD";
}
