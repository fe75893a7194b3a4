package org.elicence.messaging.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** No usable ID photo: the applicant must upload the front and back of the ID card. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdCardUploadRequired(String applicationId, String reason, LocalizedText message)
        implements KeyedByApplication {

    public static final String CARD_ISSUED_BEFORE_CUTOFF = "CARD_ISSUED_BEFORE_CUTOFF";
    public static final String NO_USABLE_PHOTO = "NO_USABLE_PHOTO";
    public static final String NOT_IN_REGISTRY = "NOT_IN_REGISTRY";
}
