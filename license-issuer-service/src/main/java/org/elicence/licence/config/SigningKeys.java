package org.elicence.licence.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.elicence.licence.credential.CredentialIssuer;
import org.elicence.licence.credential.CredentialVerifier;
import org.elicence.licence.credential.keys.DevKeyTool;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.licence.credential.status.LicenceStatusLookup;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Loads the issuer's keys once at start-up (a misconfigured path fails the start, not the first approval) and
 * makes the signer and verifier from them. Logs file names and certificate subjects only, never key material.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    @Startup
    KeyMaterial keyMaterial(LicenceConfig config) {
        LicenceConfig.Keys keys = config.keys();
        List<Path> files = List.of(keys.iacaCert(), keys.dsCert(), keys.dsKey());
        if (files.stream().noneMatch(Files::exists) && keys.generateIfMissing()) {
            generateDevelopmentKeys(keys);
        }
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("licence signing key file " + file.toAbsolutePath() + " is missing or "
                        + "unreadable; mount the Secret there, or for development set licence.keys.generate-if-missing=true");
            }
        }
        KeyMaterial material = KeyMaterial.load(keys.iacaCert(), keys.dsCert(), keys.dsKey());
        LOG.infof("licence signing keys loaded: %s", material);
        return material;
    }

    @Produces
    @Singleton
    CredentialIssuer credentialIssuer(KeyMaterial keys, Clock clock) {
        return new CredentialIssuer(keys, clock);
    }

    /** The IACA's CRL, loaded at start-up: a missing or foreign CRL fails the start like a missing key. */
    @Produces
    @Singleton
    @Startup
    IacaCrl iacaCrl(LicenceConfig config, KeyMaterial keys, Clock clock, CrlHighWater highWater) {
        LicenceConfig.Keys files = config.keys();
        Path crl = files.iacaCrl();
        Path iacaKey = files.iacaCert().toAbsolutePath().getParent().resolve(DevKeyTool.IACA_KEY);
        if (!Files.exists(crl) && files.generateIfMissing() && Files.exists(iacaKey)
                && crl.toAbsolutePath().equals(iacaKey.getParent().resolve(DevKeyTool.IACA_CRL))) {
            try {
                new DevKeyTool(iacaKey.getParent(), clock).renewCrl();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a development CRL to " + crl, e);
            }
            LOG.warnf("no IACA CRL was found: signed an empty DEVELOPMENT CRL with the development IACA in %s", crl);
        }
        if (!Files.isReadable(crl)) {
            throw new IllegalStateException("the IACA's CRL " + crl.toAbsolutePath() + " (licence.keys.iaca-crl) is "
                    + "missing or unreadable; the IACA signs it (deploy/dev-keys.sh --crl in development) and it is "
                    + "mounted with the keys");
        }
        IacaCrl loaded = new IacaCrl(crl, keys.iacaCertificate(), clock, highWater);
        if (loaded.isStale()) {
            LOG.warnf("the IACA's CRL is past its nextUpdate (%s): have the IACA re-sign it", loaded.nextUpdate());
        }
        for (String problem : keys.annexBProblems()) {
            LOG.warnf("signing certificates do not follow ISO 18013-5 Annex B: %s", problem);
        }
        return loaded;
    }

    /** The keys kept from before a rotation (licence.keys.previous-*), loaded at start-up like the current ones. */
    @Produces
    @Singleton
    @Startup
    PreviousKeys previousKeys(LicenceConfig config, KeyMaterial keys, Clock clock, CrlHighWater highWater) {
        PreviousKeys previous = PreviousKeys.load(config.keys(), keys.iacaCertificate(), clock, highWater);
        if (!previous.roots().isEmpty() || !previous.documentSigners().isEmpty()) {
            LOG.infof("keys kept from before a rotation: %d IACA roots, %d document signers", previous.roots().size(),
                    previous.documentSigners().size());
        }
        return previous;
    }

    /**
     * The online verifier: trusts this issuer's IACA root and the previous ones kept after a rotation, refuses
     * document signers their CRLs list and asks the register for each licence's status.
     */
    @Produces
    @Singleton
    CredentialVerifier credentialVerifier(KeyMaterial keys, IacaCrl crl, PreviousKeys previous,
            LicenceStatusLookup register, Clock clock) {
        return new CredentialVerifier(previous.trustedRoots(keys.iacaCertificate()), previous.revocation(crl),
                register, clock);
    }

    // DevKeyTool writes fixed file names into one directory; the configured paths must name exactly those.
    private static void generateDevelopmentKeys(LicenceConfig.Keys keys) {
        Path directory = keys.iacaCert().toAbsolutePath().getParent();
        boolean standardLayout = directory.resolve(DevKeyTool.IACA_CERT).equals(keys.iacaCert().toAbsolutePath())
                && directory.resolve(DevKeyTool.DS_CERT).equals(keys.dsCert().toAbsolutePath())
                && directory.resolve(DevKeyTool.DS_KEY).equals(keys.dsKey().toAbsolutePath());
        if (!standardLayout) {
            throw new IllegalStateException("cannot generate development keys: licence.keys.* must name "
                    + DevKeyTool.IACA_CERT + ", " + DevKeyTool.DS_CERT + " and " + DevKeyTool.DS_KEY + " in one directory");
        }
        try {
            new DevKeyTool(directory, Clock.systemUTC()).createHierarchy();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write development keys to " + directory, e);
        }
        LOG.warnf("no licence signing keys were found: generated a DEVELOPMENT IACA root and document signer in %s; "
                + "credentials they sign are trusted by nobody else", directory);
    }
}
