package org.elicence.licence.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.elicence.licence.credential.keys.KeyMaterial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How the document signer in use stands now: revoked by the IACA's CRL as read now, expired by the clock. The signer
 * refuses to sign under one that is either (LicenceSigner), the health check shows both and the gauges the alerts read
 * carry both; all three ask here, so they cannot disagree about the same certificate.
 */
@ApplicationScoped
public class DocumentSignerStanding {

    private final KeyMaterial keys;
    private final IacaCrl crl;
    private final Clock clock;

    @Inject
    public DocumentSignerStanding(KeyMaterial keys, IacaCrl crl, Clock clock) {
        this.keys = keys;
        this.crl = crl;
        this.clock = clock;
    }

    /** Whether the document signer in use may sign now: neither revoked nor expired. */
    public boolean usable() {
        return !revoked() && !expired();
    }

    /** Whether the IACA's CRL, as read now, lists the document signer in use. */
    public boolean revoked() {
        return crl.revokes(keys.documentSignerCertificate());
    }

    /**
     * When the document signer certificate in use stops verifying: its own notAfter, or the IACA root's when that
     * comes first (a verifier refuses a chain with either expired; {@link KeyMaterial#signingChainExpiry}), so that
     * an expired root stops the signing and says so as an expired signer does.
     */
    public Instant expires() {
        return keys.signingChainExpiry();
    }

    /** Whether it has expired: from its notAfter on, what it signs verifies CERTIFICATE_EXPIRED everywhere. */
    public boolean expired() {
        return !clock.instant().isBefore(expires());
    }

    /** The time until it expires, negative after. */
    public Duration timeLeft() {
        return Duration.between(clock.instant(), expires());
    }
}
