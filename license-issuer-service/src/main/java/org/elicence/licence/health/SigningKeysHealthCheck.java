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
 * Says how the document signer stands, without ever taking the service out of readiness: when it has expired
 * ({@code documentSignerExpired}) or the IACA's CRL revokes it ({@code documentSignerRevoked}), the signer signs nothing
 * (LicenceSigner), but verification, the status list, the CRL and the JWKS, which this service serves too, must stay
 * reachable for the credentials already issued, the new CRL most of all. Until 2026-12-07 an expired signer took the
 * service out of readiness, and with it all of those; the alerts ElicenceDocumentSignerExpiring and
 * ElicenceDocumentSignerExpired read the same expiry (SigningKeyMetrics). Rotate with deploy/dev-keys.sh --rotate-ds in
 * development, with the authority's PKI in production.
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
                .up()
                .withData("documentSignerExpires", expires.toString())
                .withData("documentSignerExpired", !now.isBefore(expires))
                .withData("documentSignerRevoked", revoked)
                .withData("daysLeft", Math.max(0, Duration.between(now, expires).toDays()))
                .build();
    }
}
