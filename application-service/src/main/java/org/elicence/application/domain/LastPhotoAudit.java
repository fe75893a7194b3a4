package org.elicence.application.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.elicence.messaging.events.PhotoSource;
import org.elicence.messaging.events.RuleCheck;

/**
 * The audit the applicant's view shows (the current photo's): its verdict, where the photo came from (the ID registry's
 * photo failing reads differently from one the applicant took) and every check. Stored as the
 * {@code application.photo_audit} jsonb column; every audit is also kept in {@link PhotoAuditAttempt}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LastPhotoAudit(String verdict, String photoId, PhotoSource source, List<RuleCheck> checks) {
}
