package org.elicence.licence.credential;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.jws.JwsClaims;
import org.elicence.licence.credential.jws.JwsCompact;
import org.elicence.licence.credential.keys.CertificateRevocation;
import org.elicence.licence.credential.keys.Es256;
import org.elicence.licence.credential.keys.IssuerTrust;
import org.elicence.licence.credential.keys.Pem;
import org.elicence.licence.credential.mdoc.DeviceAuthentication;
import org.elicence.licence.credential.mdoc.MdocVerification;
import org.elicence.licence.credential.status.CredentialReference;
import org.elicence.licence.credential.status.LicenceStatusLookup;

/**
 * Verifies a presented licence credential, either representation, with nothing but the trusted IACA root
 * certificates and an optional register lookup; no issuer-side key or database is needed, which is what
 * makes offline verification possible.
 *
 * <p>Checks, in order, stopping at the first failure: well-formedness; ES256 in the protected header;
 * signer certificate is a DS certificate issued by a trusted IACA root, both are in date and the DS is not in the
 * IACA's CRL; signature;
 * (mdoc) every element digest matches the MSO; docType; issuing_country matches the certificate; validity
 * window; register status. Claims are returned only once signature and chain are verified.
 *
 * <p>Exceptions thrown by the {@link LicenceStatusLookup} are not swallowed: "register unavailable" is an
 * operational failure, not a verdict on the credential.
 */
public final class CredentialVerifier {

    private final IssuerTrust trust;
    private final LicenceStatusLookup status;
    private final Clock clock;
    private final MdocVerification mdocVerification;

    public CredentialVerifier(List<X509Certificate> trustedRoots, LicenceStatusLookup status, Clock clock) {
        this(trustedRoots, CertificateRevocation.none(), status, clock);
    }

    /** Also refuses credentials whose document signer certificate is in its IACA's CRL ({@code revocation}). */
    public CredentialVerifier(List<X509Certificate> trustedRoots, CertificateRevocation revocation,
            LicenceStatusLookup status, Clock clock) {
        this.trust = new IssuerTrust(trustedRoots, revocation);
        this.status = status;
        this.clock = clock;
        this.mdocVerification = new MdocVerification(trust);
    }

    /** Verifies with the published IACA certificate(s) in PEM form and no register: the offline verifier. */
    public static CredentialVerifier offline(String iacaCertificatePem, Clock clock) {
        return new CredentialVerifier(Pem.certificates(iacaCertificatePem), LicenceStatusLookup.offline(), clock);
    }

    public VerificationResult verifyMdoc(byte[] mdoc) {
        return verifyMdoc(mdoc, null);
    }

    /**
     * Verifies an mdoc; a DeviceResponse's deviceSigned is checked against the MSO's device key over
     * {@code sessionTranscript} (the encoded SessionTranscript the reader used; null: device authentication is
     * reported NOT_CHECKED). The result's {@code deviceAuthentication} says whether possession of the holder's key
     * was proven; a deviceSignature that does not verify is INVALID / DEVICE_AUTH_FAILED.
     */
    public VerificationResult verifyMdoc(byte[] mdoc, byte[] sessionTranscript) {
        Instant now = clock.instant();
        if (sessionTranscript != null) {
            try {
                DeviceAuthentication.requireSessionTranscript(sessionTranscript);
            } catch (RuntimeException e) {
                return VerificationResult.rejected(ReasonCode.MALFORMED, "the session transcript is not a CBOR "
                        + "SessionTranscript array");
            }
        }
        MdocVerification.Verified verified;
        try {
            verified = mdocVerification.verify(mdoc, sessionTranscript, now);
        } catch (CredentialRejectedException e) {
            return e.toResult();
        } catch (RuntimeException e) {
            return VerificationResult.rejected(ReasonCode.MALFORMED, "mdoc is not a well-formed ISO 18013-5 document");
        }
        return judge(verified.content(), verified.signer(), now).withDeviceAuthentication(verified.device());
    }

    public VerificationResult verifyJws(String jws) {
        Instant now = clock.instant();
        CredentialContent content;
        X509Certificate signer;
        try {
            JwsCompact parsed = JwsCompact.parse(jws);
            if (!Es256.JWS_NAME.equals(parsed.header().get("alg"))) {
                throw new CredentialRejectedException(ReasonCode.UNSUPPORTED_ALGORITHM, "JWS alg must be ES256");
            }
            if (parsed.header().containsKey("crit")) {
                throw new CredentialRejectedException(ReasonCode.MALFORMED, "JWS critical extensions are not supported");
            }
            signer = trust.check(parsed.signerCertificateDer(), now);
            if (!parsed.signedBy(signer.getPublicKey())) {
                throw new CredentialRejectedException(ReasonCode.BAD_SIGNATURE, "JWS signature does not verify");
            }
            content = JwsClaims.read(parsed.claims());
        } catch (CredentialRejectedException e) {
            return e.toResult();
        } catch (RuntimeException e) {
            return VerificationResult.rejected(ReasonCode.MALFORMED, "JWS is not well-formed");
        }
        return judge(content, signer, now);
    }

    /**
     * Accepts what a holder hands over: a compact JWS (has dots) or a base64url mdoc
     * (standard base64 and padding are tolerated, since transports rewrite them).
     */
    public VerificationResult verify(String presented) {
        return verify(presented, null);
    }

    /**
     * As {@link #verify(String)}, with the session transcript (base64url CBOR, may be null) that a DeviceResponse's
     * deviceSignature must cover.
     */
    public VerificationResult verify(String presented, String sessionTranscriptBase64Url) {
        byte[] transcript = null;
        if (sessionTranscriptBase64Url != null && !sessionTranscriptBase64Url.isBlank()) {
            try {
                transcript = Base64.getUrlDecoder().decode(sessionTranscriptBase64Url.strip().replace('+', '-')
                        .replace('/', '_'));
            } catch (IllegalArgumentException e) {
                return VerificationResult.rejected(ReasonCode.MALFORMED, "the session transcript is not base64url");
            }
        }
        if (presented == null || presented.isBlank()) {
            return VerificationResult.rejected(ReasonCode.MALFORMED, "nothing was presented");
        }
        String text = presented.strip();
        if (text.contains(".")) {
            return verifyJws(text);
        }
        byte[] mdoc;
        try {
            mdoc = Base64.getUrlDecoder().decode(text.replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            return VerificationResult.rejected(ReasonCode.MALFORMED, "neither a JWS nor a base64url mdoc");
        }
        return verifyMdoc(mdoc, transcript);
    }

    private VerificationResult judge(CredentialContent content, X509Certificate signer, Instant now) {
        Map<String, Object> claims = content.claims();
        if (!LicenceElements.MDL_DOCTYPE.equals(content.docType())) {
            return VerificationResult.rejected(ReasonCode.WRONG_DOCTYPE, "not an " + LicenceElements.MDL_DOCTYPE);
        }
        String certificateCountry = IssuerTrust.countryOf(signer);
        Object issuingCountry = content.element(LicenceElements.ISSUING_COUNTRY);
        if (certificateCountry != null && issuingCountry != null && !certificateCountry.equals(issuingCountry)) {
            return VerificationResult.rejected(ReasonCode.ISSUER_MISMATCH,
                    "issuing_country differs from the signer certificate's country");
        }
        if (now.plus(IssuerTrust.CLOCK_SKEW).isBefore(content.validity().validFrom())) {
            return VerificationResult.rejected(ReasonCode.NOT_YET_VALID, "credential is not valid yet");
        }
        if (!now.isBefore(content.validity().validUntil())) {
            return VerificationResult.of(ReasonCode.EXPIRED, "credential validity has ended", claims);
        }
        if (!(content.element(LicenceElements.DOCUMENT_NUMBER) instanceof String licenceNumber)) {
            return VerificationResult.rejected(ReasonCode.MALFORMED, "document_number was not disclosed");
        }
        var credential = new CredentialReference(licenceNumber, content.validity().signed(), content.status());
        return switch (status.statusOf(credential)) {
            case ACTIVE -> VerificationResult.of(ReasonCode.VALID, "signature, issuer and validity verified", claims);
            case SUSPENDED -> VerificationResult.of(ReasonCode.SUSPENDED, "licence is suspended", claims);
            case REVOKED -> VerificationResult.of(ReasonCode.REVOKED, "licence has been revoked", claims);
            case SUPERSEDED -> VerificationResult.of(ReasonCode.SUPERSEDED,
                    "this credential was replaced by a renewed one; ask the holder for the current credential", claims);
            case UNKNOWN -> VerificationResult.of(ReasonCode.STATUS_UNKNOWN,
                    "signature, issuer and validity verified; revocation status not checked", claims);
        };
    }
}
