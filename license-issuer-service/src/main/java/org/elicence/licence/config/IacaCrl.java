package org.elicence.licence.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.elicence.licence.credential.keys.CertificateRevocation;
import org.elicence.licence.credential.keys.Pem;
import org.jboss.logging.Logger;

/**
 * The IACA's certificate revocation list, as the offline IACA signed it (file {@code licence.keys.iaca-crl}, PEM or
 * DER). The service publishes it at the CRL distribution point named in its certificates and its own verifier
 * consults it. The file is re-read when it changes (a re-signed CRL mounted from the Secret), and a replacement is
 * taken only if the IACA signed it; otherwise the previous one stays and the refusal is logged.
 */
public final class IacaCrl implements CertificateRevocation {

    private static final Logger LOG = Logger.getLogger(IacaCrl.class);

    private final Path file;
    private final X509Certificate iaca;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(FileTime modified, X509CRL crl, byte[] der) {
    }

    /** Loads the file now; fails when it is missing, unreadable or not signed by the IACA. */
    public IacaCrl(Path file, X509Certificate iaca, Clock clock) {
        this.file = file;
        this.iaca = iaca;
        this.clock = clock;
        this.loaded = load();
    }

    @Override
    public List<X509CRL> crls() {
        return List.of(current().crl());
    }

    /** Whether the CRL read now lists {@code certificate} (a document signer the IACA revoked). */
    public boolean revokes(X509Certificate certificate) {
        return current().crl().isRevoked(certificate);
    }

    /** The CRL's DER encoding, what {@code application/pkix-crl} carries. */
    public byte[] der() {
        return current().der().clone();
    }

    /** nextUpdate: after it, verifiers that check CRLs treat this one as stale; the IACA must re-sign it before. */
    public Instant nextUpdate() {
        X509CRL crl = current().crl();
        return crl.getNextUpdate() == null ? Instant.MAX : crl.getNextUpdate().toInstant();
    }

    public boolean isStale() {
        return !clock.instant().isBefore(nextUpdate());
    }

    private Loaded current() {
        Loaded now = loaded;
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(now.modified())) {
                synchronized (this) {
                    if (loaded == now) {
                        loaded = load();
                        LOG.infof("IACA CRL re-read from %s: nextUpdate %s", file.getFileName(), nextUpdateOf(loaded.crl()));
                    }
                    now = loaded;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf("IACA CRL %s could not be re-read (%s); still serving the one loaded before", file.getFileName(),
                    e.getClass().getSimpleName());
        }
        return now;
    }

    private Loaded load() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            X509CRL crl = Pem.crl(Files.readAllBytes(file));
            if (!crl.getIssuerX500Principal().equals(iaca.getSubjectX500Principal())) {
                throw new IllegalStateException("the CRL in " + file + " is not issued by the IACA");
            }
            try {
                crl.verify(iaca.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the CRL in " + file + " is not signed by the IACA");
            }
            return new Loaded(modified, crl, crl.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the IACA CRL " + file, e);
        } catch (CRLException e) {
            throw new IllegalStateException("cannot encode the IACA CRL " + file, e);
        }
    }

    private static Object nextUpdateOf(X509CRL crl) {
        return crl.getNextUpdate() == null ? "none" : crl.getNextUpdate().toInstant();
    }
}
