package org.elicence.messaging.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An issuing authority's order about a licence, typed by an operator with kcat onto
 * {@code licence-authority-commands}. Like {@link IdCardReviewDecision} it needs no CloudEvents headers:
 * license-issuer-service reads the JSON body and de-duplicates by {@code commandId}. REVOKE is final; RENEW
 * replaces the licence's credential with a freshly signed one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LicenceAuthorityCommand(String commandId, String licenceNumber, String action, String authorityId,
        String reason) {

    public static final String SUSPEND = "SUSPEND";
    public static final String REVOKE = "REVOKE";
    public static final String REINSTATE = "REINSTATE";
    public static final String RENEW = "RENEW";
}
