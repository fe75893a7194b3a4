package org.elicence.application.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;

/**
 * Why the application is where it is, as the applicant's view shows it (docs/api.md, {@code notice}): a code, a
 * message in both languages, and where it applies the failed checks of an ID-card side or the rules a reviewer named.
 * Stored as the {@code application.notice} jsonb column.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Notice(String code, LocalizedText message, List<RuleCheck> checks, List<String> rules) {

    /** The sweep's word on a photo the audit never answered for: "upload it again". */
    public static final String PHOTO_NOT_PROCESSED = "PHOTO_NOT_PROCESSED";

    public static Notice of(String code, LocalizedText message) {
        return new Notice(code, message, null, null);
    }

    /** An ID-card side failed: the failed checks say why, there is no other message. */
    public static Notice failedChecks(String code, List<RuleCheck> checks) {
        return new Notice(code, null, checks.stream().filter(RuleCheck::failed).toList(), null);
    }

    /**
     * Whether it is about a photo (staff's rejection of one, or one the audit never answered for), not the card. Not
     * named as a getter: Jackson would store it in the application's notice column as a property of its own.
     */
    public boolean concernsAPhoto() {
        return rules != null || PHOTO_NOT_PROCESSED.equals(code);
    }

    /** Staff rejected a photo naming these rules. */
    public static Notice rejectedByReviewer(String code, LocalizedText message, List<String> rules) {
        return new Notice(code, message, null, rules);
    }
}
