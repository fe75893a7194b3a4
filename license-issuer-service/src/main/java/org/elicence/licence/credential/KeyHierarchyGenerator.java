package org.elicence.licence.credential;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the two-level ISO 18013-5 key hierarchy: a self-signed IACA root that verifiers trust, and document
 * signer (DS) certificates it issues, which sign the credentials. All keys are ECDSA P-256.
 * Used by the development key tool and by tests; production keys come from the authority's own PKI.
 */
public final class KeyHierarchyGenerator {

    /** ISO 18013-5 Annex B extended key usage for mDL document signer certificates. */
    public static final String MDL_DOCUMENT_SIGNER_EKU = "1.0.18013.5.1.2";
    public static final String COUNTRY = "CN";
    public static final Period DEFAULT_ROOT_VALIDITY = Period.ofYears(10);
    public static final Period DEFAULT_DOCUMENT_SIGNER_VALIDITY = Period.ofYears(3);

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public KeyHierarchyGenerator(Clock clock) {
        this.clock = clock;
    }

    public CertifiedKey newRoot(String commonName, Period validity) {
        KeyPair keys = newP256KeyPair();
        X500Name subject = name(commonName);
        try {
            var extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(subject, subject, validity, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertifiedKey(sign(builder, keys), keys);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build IACA certificate", e);
        }
    }

    public CertifiedKey newDocumentSigner(CertifiedKey root, String commonName, Period validity) {
        KeyPair keys = newP256KeyPair();
        X500Name issuer = X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded());
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
            return new CertifiedKey(sign(builder, root.keyPair()), keys);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build document signer certificate", e);
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

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, COUNTRY)
                .addRDN(BCStyle.O, "eLicence")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }
}
