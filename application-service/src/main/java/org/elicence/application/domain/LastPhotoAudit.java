package org.elicence.application.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.elicence.messaging.events.RuleCheck;

/**
 * The audit the applicant's view shows (the current photo's): its verdict and every check. Stored as the
 * {@code application.photo_audit} jsonb column; every audit is also kept in {@link PhotoAuditAttempt}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LastPhotoAudit(String verdict, String photoId, List<RuleCheck> checks) {
}
