package org.elicence.messaging.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An e-licence was issued; {@code credentials} hold its signed representations and {@code qrCode} the
 * QR code (PNG) the app shows, which encodes the JWS so a verifier can check it offline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LicenceIssued(String applicationId, String licenceNumber, String holderName, List<String> licenceClasses,
        LocalDate validFrom, LocalDate validUntil, String issuingAuthority, String status, Instant issuedAt,
        List<Credential> credentials, EncodedImage qrCode) {

    /** {@code format} is {@code mso_mdoc} (base64url CBOR) or {@code jws} (compact JWS). */
    public record Credential(String format, String value) {
    }

    @Override
    public String toString() {
        return "LicenceIssued[application=" + applicationId + ", issuedAt=" + issuedAt + "]";
    }
}
