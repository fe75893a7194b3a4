package org.elicence.licence.credential;

import java.util.Map;
import org.elicence.licence.credential.mdoc.DeviceAuthentication;

/**
 * The verdict on a presented credential.
 *
 * @param outcome    what a relying party should do with it
 * @param reasonCode a {@link ReasonCode} name, stable for API clients
 * @param reason     a human-readable explanation, free of personal data
 * @param claims     the signed elements, JSON-friendly; empty unless the signature and chain were verified,
 *                   so untrusted data is never shown as if it were the licence
 * @param deviceAuthentication whether the presentation proved possession of the holder's device key (ISO 18013-5
 *                   mdoc authentication); ABSENT for a JWS, a Document or IssuerSigned and a DeviceResponse without
 *                   deviceSigned: the outcome then rests on issuer data authentication only
 */
public record VerificationResult(Outcome outcome, String reasonCode, String reason, Map<String, Object> claims,
        DeviceAuthentication.Result deviceAuthentication) {

    public enum Outcome { VALID, INVALID, REVOKED, SUSPENDED, EXPIRED }

    public VerificationResult {
        claims = claims == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claims));
        deviceAuthentication = deviceAuthentication == null ? DeviceAuthentication.Result.ABSENT : deviceAuthentication;
    }

    static VerificationResult of(ReasonCode code, String reason, Map<String, Object> claims) {
        DeviceAuthentication.Result device = code == ReasonCode.DEVICE_AUTH_FAILED ? DeviceAuthentication.Result.FAILED
                : DeviceAuthentication.Result.ABSENT;
        return new VerificationResult(code.outcome(), code.name(), reason, claims, device);
    }

    VerificationResult withDeviceAuthentication(DeviceAuthentication.Result device) {
        return new VerificationResult(outcome, reasonCode, reason, claims, device);
    }

    /** The answer for a well-formed online-verification code that names no credential of the register. */
    public static VerificationResult unknownCode() {
        return rejected(ReasonCode.UNKNOWN_CODE, "no e-licence has this verification code: it was mistyped, or the QR "
                + "code is not one this issuer made");
    }

    static VerificationResult rejected(ReasonCode code, String reason) {
        return of(code, reason, Map.of());
    }

    /**
     * What the answer to an online-verification code (the QR's {@code ELV1:<code>}, which is all the caller presented)
     * may disclose: the licence's elements only while the credential it names is VALID, as showing the licence would.
     * A code of a credential that was renewed, suspended, revoked or has expired (an old QR, a photographed one) tells
     * its verdict and nothing of the holder.
     */
    public VerificationResult disclosedForACode() {
        return isValid() ? this : new VerificationResult(outcome, reasonCode, reason, Map.of(), deviceAuthentication);
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
