package org.elicence.messaging.events;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The verdict on one photo. A passing photo carries the normalised licence portrait; every photo
 * carries an annotated copy so the applicant can see what failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoAudited(String applicationId, String applicantId, String photoId, PhotoSource source,
        String verdict, List<RuleCheck> checks, EncodedImage portrait, EncodedImage annotated, Instant auditedAt,
        long durationMillis) implements KeyedByApplication {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";

    /** Code of a check an operator switched off: NOT_ASSESSABLE, and the only one a PASS may carry. */
    public static final String RULE_DISABLED = "RULE_DISABLED";

    public boolean passed() {
        return PASS.equals(verdict);
    }

    /**
     * The photo rules every audit of a decoded photo reports (docs/photo-audit.md), each with at least one check, and
     * so every PASS: a rule the operator switched off is reported NOT_ASSESSABLE with {@link #RULE_DISABLED}. (A photo
     * that cannot be decoded or processed fails with one {@code IMAGE} check instead.)
     */
    public static final List<String> AUDITED_RULES = List.of("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9",
            "R10", "R11", "R12", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9");

    /**
     * A PASS is borne out by its checks: every audited rule is there, none failed, and none could not be assessed but
     * those switched off (the audit's own rule; a PASS with a failed or missing check is a fault, and no licence is
     * made on it).
     */
    public boolean passBorneOutByChecks() {
        return passed() && checks.stream().map(RuleCheck::rule).collect(Collectors.toSet()).containsAll(AUDITED_RULES)
                && checks.stream().noneMatch(check -> check.failed()
                        || RuleCheck.NOT_ASSESSABLE.equals(check.verdict()) && !RULE_DISABLED.equals(check.code()));
    }

    @Override
    public String toString() {
        return "PhotoAudited[application=" + applicationId + ", photo=" + photoId + ", verdict=" + verdict + "]";
    }
}
