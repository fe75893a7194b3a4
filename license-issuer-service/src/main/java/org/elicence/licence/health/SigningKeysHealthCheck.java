package org.elicence.licence.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.elicence.licence.config.DocumentSignerStanding;

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

    private final DocumentSignerStanding signer;

    @Inject
    public SigningKeysHealthCheck(DocumentSignerStanding signer) {
        this.signer = signer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("licence-signing-keys")
                .up()
                .withData("documentSignerExpires", signer.expires().toString())
                .withData("documentSignerExpired", signer.expired())
                .withData("documentSignerRevoked", signer.revoked())
                .withData("daysLeft", Math.max(0, signer.timeLeft().toDays()))
                .build();
    }
}
