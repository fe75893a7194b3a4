package org.elicence.licence.credential;

import org.elicence.licence.credential.VerificationResult.Outcome;
import org.elicence.licence.credential.qr.VerificationCodes;

/** Why a credential got its outcome; the {@code reasonCode} string of a {@link VerificationResult}. */
public enum ReasonCode {
    /** Signature, chain, digests and validity check out and the register says ACTIVE. */
    VALID(Outcome.VALID),
    /** All cryptographic checks pass but no register was consulted or it does not know the licence. */
    STATUS_UNKNOWN(Outcome.VALID),
    /** Not decodable, or a required structure or element is missing. */
    MALFORMED(Outcome.INVALID),
    /** Signed with something other than ES256 / SHA-256. */
    UNSUPPORTED_ALGORITHM(Outcome.INVALID),
    /** docType is not org.iso.18013.5.1.mDL, or the document and its MSO disagree. */
    WRONG_DOCTYPE(Outcome.INVALID),
    /** The signer certificate does not chain to a trusted IACA root, or is not a document signer. */
    UNTRUSTED_ISSUER(Outcome.INVALID),
    /** The issuing_country element disagrees with the country in the signer certificate. */
    ISSUER_MISMATCH(Outcome.INVALID),
    /** The document-signer or root certificate has expired. */
    CERTIFICATE_EXPIRED(Outcome.EXPIRED),
    /** The document-signer or root certificate is not valid yet (clock skew or a forged date). */
    CERTIFICATE_NOT_YET_VALID(Outcome.INVALID),
    /**
     * The document signer certificate is listed in its IACA's certificate revocation list (e.g. its key was
     * compromised): nothing it signed can be trusted.
     */
    CERTIFICATE_REVOKED(Outcome.INVALID),
    /** The COSE or JWS signature does not verify with the signer certificate's key. */
    BAD_SIGNATURE(Outcome.INVALID),
    /** An IssuerSignedItem does not hash to a digest in the signed MSO, i.e. an element was altered. */
    DIGEST_MISMATCH(Outcome.INVALID),
    /**
     * A DeviceResponse's deviceSignature does not verify with the MSO's device key over the session transcript: a
     * copy presented without the holder's device, or a signature made for another session.
     */
    DEVICE_AUTH_FAILED(Outcome.INVALID),
    /** The credential's validity window (MSO validityInfo / JWS nbf) has not started. */
    NOT_YET_VALID(Outcome.INVALID),
    /** The credential's validity window (MSO validUntil / JWS exp) has ended. */
    EXPIRED(Outcome.EXPIRED),
    SUSPENDED(Outcome.SUSPENDED),
    REVOKED(Outcome.REVOKED),
    /**
     * Genuine, but no longer the licence's credential: a renewal replaced it. INVALID rather than REVOKED, since the
     * licence itself may be perfectly good; the holder has a newer credential to present.
     */
    SUPERSEDED(Outcome.INVALID),
    /** An online-verification QR code ({@link VerificationCodes}) the register does not know: mistyped or not ours. */
    UNKNOWN_CODE(Outcome.INVALID);

    private final Outcome outcome;

    ReasonCode(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
