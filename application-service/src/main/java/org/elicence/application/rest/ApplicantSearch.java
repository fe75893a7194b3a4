package org.elicence.application.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Staff look a citizen up by the ID number they were given at the counter or on the phone. It travels in the body of
 * a POST, not in the URL: URLs end up in access logs, proxies' logs and browser histories, and an ID number is
 * personal data (docs/privacy.md).
 */
public record ApplicantSearch(@NotNull @Pattern(regexp = ApplicantTokens.RESIDENT_ID_FORMAT) String applicantId) {
}
