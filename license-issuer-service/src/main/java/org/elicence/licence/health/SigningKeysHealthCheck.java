package org.elicence.licence.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.elicence.licence.config.IacaCrl;
import org.elicence.licence.credential.keys.KeyMaterial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Not ready once the document signer certificate has expired, or the IACA's CRL revokes it: everything signed after
 * that would be rejected by every verifier (and the signer refuses to sign under a revoked one). Reports the expiry so monitoring can warn before it comes (rotate with deploy/dev-keys.sh
 * --rotate-ds in development, with the authority's PKI in production).
 */
@Readiness
@ApplicationScoped
public class SigningKeysHealthCheck implements HealthCheck {

    private final KeyMaterial keys;
    private final Clock clock;
    private final IacaCrl crl;

    @Inject
    public SigningKeysHealthCheck(KeyMaterial keys, Clock clock, IacaCrl crl) {
        this.keys = keys;
        this.clock = clock;
        this.crl = crl;
    }

    @Override
    public HealthCheckResponse call() {
        Instant expires = keys.documentSignerCertificate().getNotAfter().toInstant();
        Instant now = clock.instant();
        boolean revoked = crl.revokes(keys.documentSignerCertificate());
        return HealthCheckResponse.named("licence-signing-keys")
                .status(now.isBefore(expires) && !revoked)
                .withData("documentSignerExpires", expires.toString())
                .withData("documentSignerRevoked", revoked)
                .withData("daysLeft", Math.max(0, Duration.between(now, expires).toDays()))
                .build();
    }
}
