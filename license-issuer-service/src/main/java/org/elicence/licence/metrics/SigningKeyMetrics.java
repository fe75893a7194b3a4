package org.elicence.licence.metrics;

import org.elicence.licence.config.DocumentSignerStanding;
import org.elicence.messaging.metrics.OwnedGauges;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The document signer's state as gauges, read at each scrape: {@code licence_document_signer_revoked} (1 once the
 * IACA's CRL lists it: nothing is signed then, LicenceSigner) and {@code licence_document_signer_expiry_seconds}
 * (seconds until its certificate expires; negative after). The alerts ElicenceDocumentSignerRevoked,
 * ElicenceDocumentSignerExpiring and ElicenceDocumentSignerExpired read them: the health check shows them too, but
 * leaves readiness UP (the service serves verification and the CRL as well), so nothing else would say it.
 */
@Startup // nothing injects it: created at start, so its gauges are there from the first scrape
@ApplicationScoped
public class SigningKeyMetrics {

    private final OwnedGauges gauges;

    @Inject
    public SigningKeyMetrics(MeterRegistry registry, DocumentSignerStanding signer) {
        this.gauges = new OwnedGauges(registry);
        gauges.register(Gauge.builder("licence.document_signer.revoked", signer,
                standing -> standing.revoked() ? 1 : 0)
                .description("1 when the IACA's CRL revokes the document signer in use: nothing is signed")
                .strongReference(true));
        gauges.register(Gauge.builder("licence.document_signer.expiry", signer,
                standing -> standing.timeLeft().toSeconds())
                .baseUnit("seconds")
                .description("Seconds until the document signer certificate in use expires (negative after)")
                .strongReference(true));
    }

    @PreDestroy
    void removeGauges() {
        gauges.removeAll();
    }
}
