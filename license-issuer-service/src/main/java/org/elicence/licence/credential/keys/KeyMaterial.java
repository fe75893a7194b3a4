package org.elicence.licence.credential.keys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.Encoding;
import org.elicence.licence.credential.jws.Json;

/**
 * The issuer's signing identity: the IACA root certificate (public; what verifiers trust) and the document
 * signer certificate with its private key. Loaded from files named by configuration so that no key ever
 * lives in the repository; {@link #generateForTests()} makes a throw-away hierarchy in memory.
 */
public final class KeyMaterial {

    private final X509Certificate iacaCertificate;
    private final X509Certificate documentSignerCertificate;
    private final PrivateKey documentSignerKey;

    private KeyMaterial(X509Certificate iaca, X509Certificate documentSigner, PrivateKey documentSignerKey) {
        this.iacaCertificate = iaca;
        this.documentSignerCertificate = documentSigner;
        this.documentSignerKey = documentSignerKey;
        checkConsistent();
    }

    /** Reads PEM files: the IACA certificate, the DS certificate, and the DS private key (PKCS#8 or SEC1). */
    public static KeyMaterial load(Path iacaCertPem, Path dsCertPem, Path dsKeyPem) {
        return new KeyMaterial(Pem.readCertificate(iacaCertPem), Pem.readCertificate(dsCertPem),
                Pem.readPrivateKey(dsKeyPem));
    }

    public static KeyMaterial of(X509Certificate iaca, CertifiedKey documentSigner) {
        return new KeyMaterial(iaca, documentSigner.certificate(), documentSigner.keyPair().getPrivate());
    }

    /** A fresh in-memory IACA root and document signer, valid from now; never persisted. */
    public static KeyMaterial generateForTests() {
        var generator = new KeyHierarchyGenerator(Clock.systemUTC());
        CertifiedKey root = generator.newRoot("eLicence Test IACA", KeyHierarchyGenerator.DEFAULT_ROOT_VALIDITY);
        return of(root.certificate(), generator.newDocumentSigner(root, "eLicence Test Document Signer",
                KeyHierarchyGenerator.DEFAULT_DOCUMENT_SIGNER_VALIDITY));
    }

    public X509Certificate iacaCertificate() {
        return iacaCertificate;
    }

    /**
     * When what is signed now stops verifying: the earlier end of the document signer's and the IACA root's
     * certificates (a verifier refuses a chain with either expired). Nothing signed may claim validity beyond it.
     */
    public java.time.Instant signingChainExpiry() {
        java.time.Instant signer = documentSignerCertificate().getNotAfter().toInstant();
        java.time.Instant root = iacaCertificate().getNotAfter().toInstant();
        return signer.isBefore(root) ? signer : root;
    }

    public X509Certificate documentSignerCertificate() {
        return documentSignerCertificate;
    }

    public PrivateKey documentSignerKey() {
        return documentSignerKey;
    }

    /** The IACA certificate as PEM, for publishing to verifiers (the offline trust anchor). */
    public String iacaCertificatePem() {
        return Pem.write(iacaCertificate);
    }

    public String documentSignerCertificatePem() {
        return Pem.write(documentSignerCertificate);
    }

    /** RFC 7517 JWK Set with the document signer's public key, its x5c chain and an RFC 7638 thumbprint kid. */
    public String jwks() {
        return jwks(true, List.of(), List.of());
    }

    /**
     * The JWK Set: the current document signer's key when {@code currentPublishable} (not when it is revoked or
     * expired, as for the previous ones), then each of {@code previousSigners} (the ones used before a rotation that
     * may still be published: PreviousKeys.publishableSigners, which leaves out the expired and the revoked), so that
     * a relying party resolving keys by {@code kid} still finds the key of a credential signed before the rotation.
     * Each {@code x5c} chains to the IACA root (current or one of {@code previousRoots}) that issued it, when it is
     * one of those.
     */
    public String jwks(boolean currentPublishable, List<X509Certificate> previousSigners,
            List<X509Certificate> previousRoots) {
        List<X509Certificate> roots = new java.util.ArrayList<>(List.of(iacaCertificate));
        roots.addAll(previousRoots);
        List<Map<String, Object>> keys = new java.util.ArrayList<>();
        if (currentPublishable) {
            keys.add(jwk(documentSignerCertificate, roots));
        }
        for (X509Certificate previous : previousSigners) {
            if (!previous.equals(documentSignerCertificate)) {
                keys.add(jwk(previous, roots));
            }
        }
        return Json.write(Map.of("keys", keys));
    }

    private static Map<String, Object> jwk(X509Certificate signer, List<X509Certificate> roots) {
        ECPublicKey key = EcPoints.requireP256(signer.getPublicKey());
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", Encoding.base64Url(EcPoints.x(key)));
        jwk.put("y", Encoding.base64Url(EcPoints.y(key)));
        jwk.put("use", "sig");
        jwk.put("alg", Es256.JWS_NAME);
        jwk.put("kid", keyIdOf(signer));
        List<String> chain = new java.util.ArrayList<>(List.of(Encoding.base64(Encoding.der(signer))));
        roots.stream().filter(root -> IssuerTrust.issued(root, signer)).findFirst()
                .ifPresent(root -> chain.add(Encoding.base64(Encoding.der(root))));
        jwk.put("x5c", chain);
        return jwk;
    }

    /** RFC 7638 JWK thumbprint of the DS key: SHA-256 over the required members in lexicographic order. */
    public String keyId() {
        return keyIdOf(documentSignerCertificate);
    }

    private static String keyIdOf(X509Certificate signer) {
        ECPublicKey key = EcPoints.requireP256(signer.getPublicKey());
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + Encoding.base64Url(EcPoints.x(key))
                + "\",\"y\":\"" + Encoding.base64Url(EcPoints.y(key)) + "\"}";
        return Encoding.base64Url(Encoding.sha256(canonical.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * What the loaded certificates lack of the ISO 18013-5 Annex B profiles (issuer alternative name, CRL
     * distribution point, validity periods); empty when they follow it. Certificates from before the profile was
     * followed still verify here, but other mDL readers may refuse them.
     */
    public List<String> annexBProblems() {
        List<String> problems = new java.util.ArrayList<>();
        for (var entry : Map.of("IACA", iacaCertificate, "document signer", documentSignerCertificate).entrySet()) {
            X509Certificate certificate = entry.getValue();
            if (certificate.getExtensionValue(org.bouncycastle.asn1.x509.Extension.issuerAlternativeName.getId()) == null) {
                problems.add(entry.getKey() + " certificate has no issuer alternative name");
            }
            if (certificate.getExtensionValue(org.bouncycastle.asn1.x509.Extension.cRLDistributionPoints.getId()) == null) {
                problems.add(entry.getKey() + " certificate has no CRL distribution point");
            }
        }
        java.time.Duration ds = java.time.Duration.between(documentSignerCertificate.getNotBefore().toInstant(),
                documentSignerCertificate.getNotAfter().toInstant());
        if (ds.compareTo(KeyHierarchyGenerator.MAX_DOCUMENT_SIGNER_VALIDITY) > 0) {
            problems.add("document signer certificate is valid " + ds.toDays() + " days (at most "
                    + KeyHierarchyGenerator.MAX_DOCUMENT_SIGNER_VALIDITY.toDays() + ")");
        }
        var iacaStart = iacaCertificate.getNotBefore().toInstant().atOffset(java.time.ZoneOffset.UTC);
        if (iacaCertificate.getNotAfter().toInstant().isAfter(
                iacaStart.plus(KeyHierarchyGenerator.MAX_ROOT_VALIDITY).toInstant())) {
            problems.add("IACA certificate is valid longer than " + KeyHierarchyGenerator.MAX_ROOT_VALIDITY);
        }
        return problems;
    }

    @Override
    public String toString() {
        return "KeyMaterial[iaca=" + iacaCertificate.getSubjectX500Principal()
                + ", documentSigner=" + documentSignerCertificate.getSubjectX500Principal() + "]";
    }

    // Fail at start-up, not at the first signature, when configuration points at mismatched files.
    private void checkConsistent() {
        try {
            documentSignerCertificate.verify(iacaCertificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("document signer certificate is not issued by the IACA certificate");
        }
        byte[] probe = "key-material-consistency-probe".getBytes(StandardCharsets.US_ASCII);
        if (!Es256.verify(documentSignerCertificate.getPublicKey(), probe, Es256.sign(documentSignerKey, probe))) {
            throw new IllegalArgumentException("document signer private key does not match its certificate");
        }
    }
}
