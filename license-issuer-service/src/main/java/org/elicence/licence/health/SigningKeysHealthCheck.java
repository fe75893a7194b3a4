package org.elicence.licence.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.elicence.licence.credential.keys.KeyMaterial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Not ready once the document signer certificate has expired: everything signed after that would be rejected
 * by every verifier. Reports the expiry so monitoring can warn before it comes (rotate with deploy/dev-keys.sh
 * --rotate-ds in development, with the authority's PKI in production).
 */
@Readiness
@ApplicationScoped
public class SigningKeysHealthCheck implements HealthCheck {

    private final KeyMaterial keys;
    private final Clock clock;

    @Inject
    public SigningKeysHealthCheck(KeyMaterial keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        Instant expires = keys.documentSignerCertificate().getNotAfter().toInstant();
        Instant now = clock.instant();
        return HealthCheckResponse.named("licence-signing-keys")
                .status(now.isBefore(expires))
                .withData("documentSignerExpires", expires.toString())
                .withData("daysLeft", Math.max(0, Duration.between(now, expires).toDays()))
                .build();
    }
}
