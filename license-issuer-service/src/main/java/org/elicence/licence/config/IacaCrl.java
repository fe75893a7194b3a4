package org.elicence.licence.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
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
import java.util.Optional;

import org.elicence.licence.credential.keys.CertificateRevocation;
import org.elicence.licence.credential.keys.KeyHierarchyGenerator;
import org.elicence.licence.credential.keys.Pem;
import org.jboss.logging.Logger;

/**
 * The IACA's certificate revocation list, as the offline IACA signed it (file {@code licence.keys.iaca-crl}, PEM or
 * DER). The service publishes it at the CRL distribution point named in its certificates and its own verifier
 * consults it. The file is re-read when it changes (a re-signed CRL mounted from the Secret), and a replacement is
 * taken only if the IACA signed it, and not before the one in use; otherwise the previous one stays and the refusal
 * is logged. At start the file is taken as it is (nothing of an earlier run is kept).
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
                        loaded = newerOf(now, load());
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

    /**
     * The CRL just read, unless the IACA issued it before the one in use: a CRL is never rolled back (a Secret
     * restored to an earlier version, an old CRL mounted again), for an earlier one may lack a revocation, and with
     * it a compromised document signer would verify VALID, be signed with and be published again. Which came first
     * is told by their CRL numbers (RFC 5280 5.2.3, which the IACA increases with every CRL), by their thisUpdate
     * when either has none (a clock set wrong where the IACA signs can mislead only that). The file's time is taken
     * along, so the refused file is not read again at every check.
     */
    private Loaded newerOf(Loaded inUse, Loaded read) {
        Optional<BigInteger> inUseNumber = KeyHierarchyGenerator.crlNumber(inUse.crl());
        Optional<BigInteger> readNumber = KeyHierarchyGenerator.crlNumber(read.crl());
        boolean earlier = inUseNumber.isPresent() && readNumber.isPresent()
                ? readNumber.get().compareTo(inUseNumber.get()) < 0
                : read.crl().getThisUpdate().before(inUse.crl().getThisUpdate());
        if (earlier) {
            LOG.errorf("IACA CRL %s (number %s, signed on %s) came before the one in use (number %s, %s): refused, a CRL "
                    + "is never rolled back; mount the IACA's latest CRL", file.getFileName(),
                    readNumber.map(Object::toString).orElse("none"), read.crl().getThisUpdate().toInstant(),
                    inUseNumber.map(Object::toString).orElse("none"), inUse.crl().getThisUpdate().toInstant());
            return new Loaded(read.modified(), inUse.crl(), inUse.der());
        }
        LOG.infof("IACA CRL re-read from %s: nextUpdate %s", file.getFileName(), nextUpdateOf(read.crl()));
        return read;
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
