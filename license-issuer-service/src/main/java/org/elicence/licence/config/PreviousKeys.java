package org.elicence.licence.config;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.elicence.licence.credential.keys.CertificateRevocation;
import org.elicence.licence.credential.keys.IssuerTrust;
import org.elicence.licence.credential.keys.Pem;

/**
 * What this service keeps of the keys it used before a rotation (docs/licence.md, "Rotation"): the previous IACA roots
 * with their CRLs, which its verifier goes on trusting, and the previous document signers' certificates, which
 * /jwks.json goes on listing, each until its certificate expires. Until 2026-12-07 a rotation kept nothing: after a
 * root rotation /verify answered UNTRUSTED_ISSUER for every credential not yet renewed.
 *
 * @param roots the previous IACA root certificates
 * @param crls each previous root's CRL, read again when its file changes, as the current one is
 * @param documentSigners the previous document signer certificates
 */
public record PreviousKeys(List<X509Certificate> roots, List<IacaCrl> crls, List<X509Certificate> documentSigners) {

    public PreviousKeys {
        roots = List.copyOf(roots);
        crls = List.copyOf(crls);
        documentSigners = List.copyOf(documentSigners);
    }

    /**
     * Reads {@code licence.keys.previous-*}; a root without its CRL, a CRL its root did not sign, or a document signer
     * that {@code currentRoot} or a previous root did not issue stops the start.
     */
    public static PreviousKeys load(LicenceConfig.Keys keys, X509Certificate currentRoot, Clock clock,
            CrlHighWater highWater) {
        List<Path> rootFiles = keys.previousIacaCerts().orElse(List.of());
        List<Path> crlFiles = keys.previousIacaCrls().orElse(List.of());
        if (rootFiles.size() != crlFiles.size()) {
            throw new IllegalStateException("licence.keys.previous-iaca-certs names " + rootFiles.size()
                    + " roots and licence.keys.previous-iaca-crls " + crlFiles.size()
                    + " CRLs: each previous root needs its CRL, in the same order");
        }
        List<X509Certificate> roots = new ArrayList<>();
        List<IacaCrl> crls = new ArrayList<>();
        for (int i = 0; i < rootFiles.size(); i++) {
            X509Certificate root = Pem.readCertificate(rootFiles.get(i));
            roots.add(root);
            crls.add(new IacaCrl(crlFiles.get(i), root, clock, highWater));
        }
        List<X509Certificate> signers = keys.previousDsCerts().orElse(List.of()).stream()
                .map(Pem::readCertificate).toList();
        for (X509Certificate signer : signers) {
            if (Stream.concat(Stream.of(currentRoot), roots.stream()).noneMatch(root -> IssuerTrust.issued(root,
                    signer))) {
                throw new IllegalStateException("licence.keys.previous-ds-certs holds "
                        + signer.getSubjectX500Principal() + ", which neither the IACA nor a previous one issued");
            }
        }
        return new PreviousKeys(roots, crls, signers);
    }

    /**
     * The previous document signers whose keys /jwks.json lists at {@code now}: not expired, and not revoked by the
     * CRL of the IACA that issued them (a key revoked after a compromise must not be offered to relying parties that
     * look keys up by kid without a CRL).
     */
    public List<X509Certificate> publishableSigners(X509Certificate currentRoot, IacaCrl currentCrl, Instant now) {
        List<X509Certificate> publishable = new ArrayList<>();
        for (X509Certificate signer : documentSigners) {
            if (!now.isBefore(signer.getNotAfter().toInstant())) {
                continue;
            }
            IacaCrl crl = IssuerTrust.issued(currentRoot, signer) ? currentCrl : null;
            for (int i = 0; crl == null && i < roots.size(); i++) {
                crl = IssuerTrust.issued(roots.get(i), signer) ? crls.get(i) : null;
            }
            if (crl != null && !crl.revokes(signer)) {
                publishable.add(signer);
            }
        }
        return publishable;
    }

    /** {@code current} first, then the previous roots. */
    public List<X509Certificate> trustedRoots(X509Certificate current) {
        return Stream.concat(Stream.of(current), roots.stream()).toList();
    }

    /** The current CRL's entries and every previous root's: a signer is refused when its own IACA's CRL lists it. */
    public CertificateRevocation revocation(CertificateRevocation current) {
        return () -> Stream.concat(current.crls().stream(), crls.stream().flatMap(crl -> crl.crls().stream()))
                .toList();
    }
}
