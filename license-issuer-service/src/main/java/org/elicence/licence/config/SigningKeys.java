package org.elicence.licence.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.elicence.licence.credential.CredentialIssuer;
import org.elicence.licence.credential.CredentialVerifier;
import org.elicence.licence.credential.DevKeyTool;
import org.elicence.licence.credential.KeyMaterial;
import org.elicence.licence.credential.LicenceStatusLookup;
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

    /** The online verifier: trusts this issuer's IACA root and asks the register for each licence's status. */
    @Produces
    @Singleton
    CredentialVerifier credentialVerifier(KeyMaterial keys, LicenceStatusLookup register, Clock clock) {
        return new CredentialVerifier(List.of(keys.iacaCertificate()), register, clock);
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
