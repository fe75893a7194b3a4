package org.elicence.messaging.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The verdict on one photo. A passing photo carries the normalised licence portrait; every photo
 * carries an annotated copy so the applicant can see what failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoAudited(String applicationId, String applicantId, String photoId, PhotoSource source,
        String verdict, List<RuleCheck> checks, EncodedImage portrait, EncodedImage annotated, Instant auditedAt,
        long durationMillis) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";

    public boolean passed() {
        return PASS.equals(verdict);
    }

    @Override
    public String toString() {
        return "PhotoAudited[application=" + applicationId + ", photo=" + photoId + ", verdict=" + verdict + "]";
    }
}
