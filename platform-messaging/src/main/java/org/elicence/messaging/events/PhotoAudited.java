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

    /** Code of a check an operator switched off: NOT_ASSESSABLE, and the only one a PASS may carry. */
    public static final String RULE_DISABLED = "RULE_DISABLED";

    public boolean passed() {
        return PASS.equals(verdict);
    }

    /**
     * A PASS is borne out by its checks: none failed, and none could not be assessed but those switched off (the
     * audit's own rule; a PASS with a failed check is a fault, and no licence is made on it).
     */
    public boolean passBorneOutByChecks() {
        return passed() && checks.stream().noneMatch(check -> check.failed()
                || RuleCheck.NOT_ASSESSABLE.equals(check.verdict()) && !RULE_DISABLED.equals(check.code()));
    }

    @Override
    public String toString() {
        return "PhotoAudited[application=" + applicationId + ", photo=" + photoId + ", verdict=" + verdict + "]";
    }
}
