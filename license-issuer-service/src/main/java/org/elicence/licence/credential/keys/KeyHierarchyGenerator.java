package org.elicence.licence.credential.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the two-level ISO 18013-5 key hierarchy: a self-signed IACA root that verifiers trust, and document
 * signer (DS) certificates it issues, which sign the credentials, both to the certificate profiles of ISO 18013-5
 * Annex B (issuer alternative name and CRL distribution point in both, IACA validity at most 20 years, DS validity
 * at most 457 days); and the IACA's certificate revocation list. All keys are ECDSA P-256.
 * Used by the development key tool and by tests; production keys come from the authority's own PKI.
 */
public final class KeyHierarchyGenerator {

    /** ISO 18013-5 Annex B extended key usage for mDL document signer certificates. */
    public static final String MDL_DOCUMENT_SIGNER_EKU = "1.0.18013.5.1.2";
    public static final String COUNTRY = "CN";
    /** Annex B: an IACA certificate is valid for at most 20 years. */
    public static final Period MAX_ROOT_VALIDITY = Period.ofYears(20);
    /** Annex B: a document signer certificate is valid for at most 457 days (a year of signing plus 3 months). */
    public static final Duration MAX_DOCUMENT_SIGNER_VALIDITY = Duration.ofDays(457);
    public static final Period DEFAULT_ROOT_VALIDITY = Period.ofYears(10);
    public static final Period DEFAULT_DOCUMENT_SIGNER_VALIDITY = Period.ofDays(457);
    /** How long a CRL this generator signs may be relied on (its nextUpdate); the IACA re-signs it before then. */
    public static final Duration DEFAULT_CRL_VALIDITY = Duration.ofDays(90);

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private final Clock clock;
    private final IssuerNames names;
    private final SecureRandom random = new SecureRandom();

    /** A generator for development and tests, naming {@link IssuerNames#DEVELOPMENT} in its certificates. */
    public KeyHierarchyGenerator(Clock clock) {
        this(clock, IssuerNames.DEVELOPMENT);
    }

    public KeyHierarchyGenerator(Clock clock, IssuerNames names) {
        this.clock = clock;
        this.names = names;
    }

    public CertifiedKey newRoot(String commonName, Period validity) {
        KeyPair keys = newP256KeyPair();
        X500Name subject = name(commonName);
        requireAtMost(validity, MAX_ROOT_VALIDITY, "IACA");
        try {
            var extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(subject, subject, validity, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            annexB(builder);
            return new CertifiedKey(sign(builder, keys), keys);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build IACA certificate", e);
        }
    }

    public CertifiedKey newDocumentSigner(CertifiedKey root, String commonName, Period validity) {
        KeyPair keys = newP256KeyPair();
        X500Name issuer = X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded());
        Instant notBefore = clock.instant();
        if (Duration.between(notBefore, notBefore.atOffset(ZoneOffset.UTC).plus(validity).toInstant())
                .compareTo(MAX_DOCUMENT_SIGNER_VALIDITY) > 0) {
            throw new IllegalArgumentException("ISO 18013-5 Annex B allows a document signer certificate at most "
                    + MAX_DOCUMENT_SIGNER_VALIDITY.toDays() + " days, not " + validity);
        }
        try {
            var extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(issuer, name(commonName), validity, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(
                            KeyPurposeId.getInstance(new ASN1ObjectIdentifier(MDL_DOCUMENT_SIGNER_EKU))))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(root.keyPair().getPublic()));
            annexB(builder);
            return new CertifiedKey(sign(builder, root.keyPair()), keys);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build document signer certificate", e);
        }
    }

    /**
     * The CRL's number (RFC 5280 5.2.3, which {@link #newCrl} writes): a later CRL of the same issuer has a larger
     * one. Empty when the CRL carries none.
     */
    public static Optional<BigInteger> crlNumber(X509CRL crl) {
        byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
        return extension == null ? Optional.empty() : Optional.of(
                CRLNumber.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getCRLNumber());
    }

    /**
     * The IACA's certificate revocation list (RFC 5280 v2 CRL as Annex B profiles it: signed by the IACA, with
     * authority key identifier and CRL number), listing the serial numbers of revoked document signer
     * certificates; valid from now for {@code validity} (nextUpdate).
     */
    public X509CRL newCrl(CertifiedKey root, Collection<BigInteger> revoked, long crlNumber, Duration validity) {
        Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X500Name issuer = X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded());
        var builder = new X509v2CRLBuilder(issuer, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(thisUpdate.plus(validity)));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root.certificate()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)));
            var signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(root.keyPair().getPrivate());
            return new JcaX509CRLConverter().getCRL(builder.build(signer));
        } catch (GeneralSecurityException | java.io.IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build the IACA's CRL", e);
        }
    }

    public static KeyPair newP256KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is not available in this JVM", e);
        }
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, Period validity, KeyPair keys) {
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.atOffset(ZoneOffset.UTC).plus(validity).toInstant();
        // Positive serial of up to 20 octets, random so serials reveal nothing about issuance volume.
        BigInteger serial = new BigInteger(152, random).add(BigInteger.ONE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notAfter),
                subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException {
        try {
            var signerContent = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signerContent));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    // Annex B makes both mandatory, non-critical, in the IACA and the DS certificate: the issuer's contact as a URI
    // (or e-mail) and where its CRL is, one distribution point naming a URI only (no reasons, no cRLIssuer).
    private void annexB(X509v3CertificateBuilder builder) throws java.io.IOException {
        builder.addExtension(Extension.issuerAlternativeName, false,
                new GeneralNames(names.issuerAlternativeName()));
        var crl = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, names.crlUri()));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(crl), null, null)}));
    }

    private void requireAtMost(Period validity, Period max, String role) {
        Instant start = clock.instant();
        if (start.atOffset(ZoneOffset.UTC).plus(validity).isAfter(start.atOffset(ZoneOffset.UTC).plus(max))) {
            throw new IllegalArgumentException("ISO 18013-5 Annex B allows an " + role + " certificate at most " + max
                    + ", not " + validity);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, COUNTRY)
                .addRDN(BCStyle.O, "eLicence")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }
}
