package org.elicence.licence.credential.keys;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.elicence.licence.credential.CredentialRejectedException;
import org.elicence.licence.credential.Encoding;
import org.elicence.licence.credential.ReasonCode;

/**
 * Decides whether a document signer certificate speaks for a trusted issuing authority. ISO 18013-5 fixes the
 * hierarchy at two levels (IACA root → DS), so instead of general PKIX path building this checks that one
 * step directly, which also lets each failure carry its own reason code.
 */
public final class IssuerTrust {

    private static final int DIGITAL_SIGNATURE_BIT = 0;
    private final List<X509Certificate> roots;
    private final CertificateRevocation revocation;

    public IssuerTrust(List<X509Certificate> trustedRoots) {
        this(trustedRoots, CertificateRevocation.none());
    }

    public IssuerTrust(List<X509Certificate> trustedRoots, CertificateRevocation revocation) {
        this.revocation = revocation;
        if (trustedRoots == null || trustedRoots.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted IACA root certificate is required");
        }
        for (X509Certificate root : trustedRoots) {
            if (root.getBasicConstraints() < 0) {
                throw new IllegalArgumentException("trusted root is not a CA certificate: "
                        + root.getSubjectX500Principal());
            }
        }
        this.roots = List.copyOf(trustedRoots);
    }

    /** Returns the signer certificate if it is a DS certificate issued by a trusted root and both are in date. */
    public X509Certificate check(byte[] signerDer, Instant now) throws CredentialRejectedException {
        X509Certificate signer = signerDer == null ? null : Encoding.certificateOrNull(signerDer);
        if (signer == null) {
            throw new CredentialRejectedException(ReasonCode.MALFORMED, "no readable document signer certificate");
        }
        if (!isDocumentSigner(signer)) {
            throw new CredentialRejectedException(ReasonCode.UNTRUSTED_ISSUER,
                    "certificate is not an mDL document signer certificate");
        }
        X509Certificate root = roots.stream().filter(candidate -> issued(candidate, signer)).findFirst()
                .orElseThrow(() -> new CredentialRejectedException(ReasonCode.UNTRUSTED_ISSUER,
                        "document signer certificate is not issued by a trusted IACA root"));
        requireInDate(root, now, "IACA root");
        requireInDate(signer, now, "document signer");
        requireNotRevoked(root, signer);
        return signer;
    }

    // Only a CRL the signer's own IACA signed counts; a stale one (past nextUpdate) still counts, since revocations
    // are never withdrawn, and the service reports a stale CRL itself (IacaCrl).
    private void requireNotRevoked(X509Certificate root, X509Certificate signer) throws CredentialRejectedException {
        for (X509CRL crl : revocation.crls()) {
            if (crl.getIssuerX500Principal().equals(root.getSubjectX500Principal()) && signedBy(crl, root)
                    && crl.isRevoked(signer)) {
                throw new CredentialRejectedException(ReasonCode.CERTIFICATE_REVOKED,
                        "document signer certificate is revoked by its IACA's CRL");
            }
        }
    }

    private static boolean signedBy(X509CRL crl, X509Certificate root) {
        try {
            crl.verify(root.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The countryName of a certificate's subject, or null; ISO 18013-5 ties it to issuing_country. */
    public static String countryOf(X509Certificate certificate) {
        RDN[] countries = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.C);
        return countries.length == 0 ? null : IETFUtils.valueToString(countries[0].getFirst().getValue());
    }

    /** Whether {@code root} issued {@code signer}: its subject is the signer's issuer and its key signed it. */
    public static boolean issued(X509Certificate root, X509Certificate signer) {
        if (!root.getSubjectX500Principal().equals(signer.getIssuerX500Principal())) {
            return false;
        }
        try {
            signer.verify(root.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean isDocumentSigner(X509Certificate certificate) {
        boolean[] keyUsage = certificate.getKeyUsage();
        try {
            List<String> extendedKeyUsage = certificate.getExtendedKeyUsage();
            return certificate.getBasicConstraints() < 0
                    && (keyUsage == null || keyUsage[DIGITAL_SIGNATURE_BIT])
                    && (extendedKeyUsage == null
                            || extendedKeyUsage.contains(KeyHierarchyGenerator.MDL_DOCUMENT_SIGNER_EKU));
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /**
     * How far a verifier's clock may run behind the issuer's before what was signed a moment ago counts as not yet
     * valid: a freshly rotated document signer's certificate starts the instant it was made, and a credential's
     * validity the second it was signed. The end of validity gets no grace.
     */
    public static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    private static void requireInDate(X509Certificate certificate, Instant now, String role)
            throws CredentialRejectedException {
        if (!now.isBefore(certificate.getNotAfter().toInstant())) {
            throw new CredentialRejectedException(ReasonCode.CERTIFICATE_EXPIRED, role + " certificate has expired");
        }
        if (now.plus(CLOCK_SKEW).isBefore(certificate.getNotBefore().toInstant())) {
            throw new CredentialRejectedException(ReasonCode.CERTIFICATE_NOT_YET_VALID,
                    role + " certificate is not valid yet");
        }
    }
}
