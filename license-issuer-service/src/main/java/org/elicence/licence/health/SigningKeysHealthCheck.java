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
 * Not ready once the document signer certificate has expired: everything signed after that would be rejected by every
 * verifier. Says too whether the IACA's CRL revokes it ({@code documentSignerRevoked}), without leaving readiness:
 * the signer then signs nothing (LicenceSigner), but verification, the status list, the CRL and the JWKS, which this
 * service serves too, must stay reachable, the new CRL most of all. Reports the expiry so monitoring can warn before
 * it comes (rotate with deploy/dev-keys.sh --rotate-ds in development, with the authority's PKI in production).
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
                .status(now.isBefore(expires))
                .withData("documentSignerExpires", expires.toString())
                .withData("documentSignerRevoked", revoked)
                .withData("daysLeft", Math.max(0, Duration.between(now, expires).toDays()))
                .build();
    }
}
