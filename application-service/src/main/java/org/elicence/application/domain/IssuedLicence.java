package org.elicence.application.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.elicence.messaging.events.LicenceIssued;

/**
 * The issued licence as the licence issuer published it (licence.issued without its QR code, which is kept as PNG
 * bytes), with its current status (licence.status-changed) and when that last changed ({@code statusChangedAt}, null
 * until it does). The mobile API returns it as is
 * ({@code GET /applications/{id}/licence} and the view's {@code licence}); stored as the {@code application.licence}
 * jsonb column. Dates are written as ISO strings there too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssuedLicence(String applicationId, String licenceNumber, String holderName, List<String> licenceClasses,
        @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate validFrom,
        @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate validUntil, String issuingAuthority, String status,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant issuedAt, List<LicenceIssued.Credential> credentials,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant statusChangedAt) {

    public static IssuedLicence of(LicenceIssued event) {
        return new IssuedLicence(event.applicationId(), event.licenceNumber(), event.holderName(),
                event.licenceClasses(), event.validFrom(), event.validUntil(), event.issuingAuthority(), event.status(),
                event.issuedAt(), event.credentials(), null);
    }

    public IssuedLicence withStatus(String newStatus, Instant changedAt) {
        return new IssuedLicence(applicationId, licenceNumber, holderName, licenceClasses, validFrom, validUntil,
                issuingAuthority, newStatus, issuedAt, credentials, changedAt);
    }

    /**
     * Whether a status change made at {@code changedAt} is older than what this licence already shows: a change
     * before its last status change, or before these credentials were signed (a renewal carries the status of its
     * moment). Only a redelivered or replayed event can be.
     */
    public boolean outdates(Instant changedAt) {
        return changedAt != null && (issuedAt != null && changedAt.isBefore(issuedAt)
                || statusChangedAt != null && changedAt.isBefore(statusChangedAt));
    }
}
