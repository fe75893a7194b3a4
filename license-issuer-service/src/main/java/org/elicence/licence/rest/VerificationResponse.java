package org.elicence.licence.rest;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.elicence.licence.credential.mdoc.DeviceAuthentication;
import org.elicence.licence.credential.VerificationResult;

/** The verdict on a presented credential; {@code claims} only when its signature and issuer were verified. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record VerificationResponse(
        @Schema(required = true) VerificationResult.Outcome outcome,
        @Schema(required = true, description = "stable reason, e.g. VALID, BAD_SIGNATURE, REVOKED, EXPIRED") String reasonCode,
        @Schema(required = true) String reason,
        @Schema(description = "the signed data elements by namespace") Map<String, Object> claims,
        @Schema(required = true, description = "ISO 18013-5 mdoc authentication: AUTHENTICATED (a DeviceResponse's "
                + "deviceSignature verified with the holder's device key the issuer signed), FAILED, ABSENT (no "
                + "deviceSigned: a JWS, Document, IssuerSigned or a DeviceResponse without it, which any copy can be), "
                + "NOT_CHECKED (deviceSigned without a sessionTranscript, or a deviceMac)")
        DeviceAuthentication.Result deviceAuthentication) {

    static VerificationResponse of(VerificationResult result) {
        return new VerificationResponse(result.outcome(), result.reasonCode(), result.reason(), result.claims(),
                result.deviceAuthentication());
    }
}
