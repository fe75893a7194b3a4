package org.elicence.messaging.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A command license-issuer-service refused; the licence it named (if any) is unchanged. {@code receivedValue}
 * is the record as typed (its first 16,384 characters), so nothing is lost, and
 * {@code sourcePartition}/{@code sourceOffset} say where it sits on {@code licence-authority-commands}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LicenceAuthorityCommandRejected(String commandId, String licenceNumber, String authorityId,
        String code, String reason, String receivedValue, int sourcePartition, long sourceOffset,
        Instant rejectedAt) {

    public static final String MALFORMED_COMMAND = "MALFORMED_COMMAND";
    public static final String AUTHORITY_NOT_AUTHORISED = "AUTHORITY_NOT_AUTHORISED";
    public static final String UNKNOWN_LICENCE = "UNKNOWN_LICENCE";
    public static final String TRANSITION_NOT_ALLOWED = "TRANSITION_NOT_ALLOWED";
}
