package org.elicence.messaging.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An e-licence was issued; {@code credentials} hold its signed representations and {@code qrCode} the
 * online-verification QR code (PNG of {@code ELV1:<code>}, a random code the public verify endpoint looks up) the app
 * shows. {@code applicantId} is the licence holder's resident ID number: a consumer checks it against the applicant
 * of the application it names before it stores the licence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LicenceIssued(String applicationId, String applicantId, String licenceNumber, String holderName,
        List<String> licenceClasses, LocalDate validFrom, LocalDate validUntil, String issuingAuthority, String status,
        Instant issuedAt, List<Credential> credentials, EncodedImage qrCode) implements KeyedByApplication {

    /** {@code format} is {@code mso_mdoc} (base64url CBOR) or {@code jws} (compact JWS). */
    public record Credential(String format, String value) {
    }

    @Override
    public String toString() {
        return "LicenceIssued[application=" + applicationId + ", issuedAt=" + issuedAt + "]";
    }
}
