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
import java.time.Duration;
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
 * is logged. The latest CRL taken is recorded ({@link CrlHighWater}, the database), and at start the file is
 * compared with the record: a restart, or a second replica, with a Secret restored to an older CRL serves the
 * recorded one, not the file's.
 */
public final class IacaCrl implements CertificateRevocation {

    private static final Logger LOG = Logger.getLogger(IacaCrl.class);
    private static final Duration RECORD_RETRY = Duration.ofMinutes(1);

    private final Path file;
    private final X509Certificate iaca;
    private final Clock clock;
    private final CrlHighWater highWater;
    private volatile Loaded loaded;
    /** A CRL taken but not yet recorded (the database was unreachable), and when to try again. */
    private volatile Loaded unrecorded;
    private volatile Instant nextRecordAttempt = Instant.MIN;
    // unrecorded and nextRecordAttempt are written only under this object's monitor, with record()

    private record Loaded(FileTime modified, X509CRL crl, byte[] der) {
    }

    /**
     * Loads the file now, and takes the recorded CRL instead if the file's came before it; fails when the file is
     * missing, unreadable or not signed by the IACA, or the record cannot be read.
     */
    public IacaCrl(Path file, X509Certificate iaca, Clock clock, CrlHighWater highWater) {
        this.file = file;
        this.iaca = iaca;
        this.clock = clock;
        this.highWater = highWater;
        Loaded fromFile = load();
        Optional<Loaded> recorded = highWater.latest(iaca).flatMap(der -> verified(der, fromFile.modified()));
        this.loaded = recorded.map(kept -> newerOf(kept, fromFile)).orElse(fromFile);
        synchronized (this) {
            record(loaded);
        }
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
                        loaded = orRecordedIfLater(newerOf(now, load()));
                        if (loaded.crl() != now.crl()) {
                            record(loaded);
                        }
                    }
                    now = loaded;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf("IACA CRL %s could not be re-read (%s); still serving the one loaded before", file.getFileName(),
                    e.getClass().getSimpleName());
        }
        if (unrecorded != null && !clock.instant().isBefore(nextRecordAttempt)) {
            synchronized (this) {
                if (unrecorded != null && !clock.instant().isBefore(nextRecordAttempt)) {
                    record(unrecorded);
                }
            }
        }
        return now;
    }

    /**
     * {@code taken}, or the recorded CRL if another replica recorded a later one: when the Secret changes, replicas
     * see it at different times, and one that sees a restored older CRL after another took the newer one serves the
     * newer too. A record that cannot be read leaves {@code taken} (the file's word, as at every read before).
     */
    private Loaded orRecordedIfLater(Loaded taken) {
        try {
            return highWater.latest(iaca).flatMap(der -> verified(der, taken.modified()))
                    .filter(recorded -> cameBefore(taken.crl(), recorded.crl()))
                    .map(recorded -> newerOf(recorded, taken)).orElse(taken);
        } catch (RuntimeException e) {
            LOG.errorf("the recorded IACA CRL could not be read (%s); the file's is taken", e.getClass().getSimpleName());
            return taken;
        }
    }

    /**
     * Records {@code taken}, under this object's monitor (so that a recording that succeeds cannot clear a later one
     * that failed); when that fails it is tried again a minute later (not at every read: each verification would wait
     * for the database), and the CRL serves meanwhile.
     */
    private void record(Loaded taken) {
        try {
            highWater.raise(iaca, taken.der());
            unrecorded = null;
        } catch (RuntimeException e) {
            unrecorded = taken;
            nextRecordAttempt = clock.instant().plus(RECORD_RETRY);
            LOG.errorf("IACA CRL number %s could not be recorded (%s); tried again in a minute",
                    KeyHierarchyGenerator.crlNumber(taken.crl()).map(Object::toString).orElse("none"),
                    e.getClass().getSimpleName());
        }
    }

    /** Whether {@code first} came before {@code second}, two CRLs of one IACA (see {@link #newerOf}). */
    static boolean cameBefore(X509CRL first, X509CRL second) {
        Optional<BigInteger> firstNumber = KeyHierarchyGenerator.crlNumber(first);
        Optional<BigInteger> secondNumber = KeyHierarchyGenerator.crlNumber(second);
        return firstNumber.isPresent() && secondNumber.isPresent()
                ? firstNumber.get().compareTo(secondNumber.get()) < 0
                : first.getThisUpdate().before(second.getThisUpdate());
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
        if (cameBefore(read.crl(), inUse.crl())) {
            LOG.errorf("IACA CRL %s (number %s, signed on %s) came before the one in use or recorded (number %s, %s): "
                    + "refused, a CRL is never rolled back; mount the IACA's latest CRL", file.getFileName(),
                    readNumber.map(Object::toString).orElse("none"), read.crl().getThisUpdate().toInstant(),
                    inUseNumber.map(Object::toString).orElse("none"), inUse.crl().getThisUpdate().toInstant());
            return new Loaded(read.modified(), inUse.crl(), inUse.der());
        }
        LOG.infof("IACA CRL re-read from %s: nextUpdate %s", file.getFileName(), nextUpdateOf(read.crl()));
        return read;
    }

    private Loaded load() {
        try {
            return signedByTheIaca(Files.readAllBytes(file), Files.getLastModifiedTime(file), "the CRL in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the IACA CRL " + file, e);
        }
    }

    /** The recorded CRL, unless it no longer verifies (a row changed by hand): then the file alone counts. */
    private Optional<Loaded> verified(byte[] recorded, FileTime fileModified) {
        try {
            return Optional.of(signedByTheIaca(recorded, fileModified, "the recorded CRL"));
        } catch (RuntimeException e) {
            LOG.errorf("the recorded IACA CRL is ignored: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private Loaded signedByTheIaca(byte[] pemOrDer, FileTime modified, String what) {
        X509CRL crl = requireSignedBy(Pem.crl(pemOrDer), iaca, what);
        try {
            return new Loaded(modified, crl, crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("cannot encode " + what, e);
        }
    }

    /** Whether {@code pemOrDer} is a CRL that {@code iaca} issued and signed. */
    static boolean signedBy(byte[] pemOrDer, X509Certificate iaca) {
        try {
            requireSignedBy(Pem.crl(pemOrDer), iaca, "the CRL");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static X509CRL requireSignedBy(X509CRL crl, X509Certificate iaca, String what) {
        if (!crl.getIssuerX500Principal().equals(iaca.getSubjectX500Principal())) {
            throw new IllegalStateException(what + " is not issued by the IACA");
        }
        try {
            crl.verify(iaca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(what + " is not signed by the IACA");
        }
        return crl;
    }

    private static Object nextUpdateOf(X509CRL crl) {
        return crl.getNextUpdate() == null ? "none" : crl.getNextUpdate().toInstant();
    }
}
