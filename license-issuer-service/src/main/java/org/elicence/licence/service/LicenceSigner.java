package org.elicence.licence.service;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.elicence.licence.config.LicenceConfig;
import org.elicence.licence.credential.CredentialIssuer;
import org.elicence.licence.credential.DrivingPrivilege;
import org.elicence.licence.credential.LicenceData;
import org.elicence.licence.credential.status.StatusListReference;
import org.elicence.licence.registry.DriverLicence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Signs a credential for what the registry says about a licence today, with the portrait given, under the current
 * document signer key. First issuance and renewal both come here, so a renewed credential is made exactly like a
 * first one. Each signing draws a fresh status list index from the store's sequence.
 */
@ApplicationScoped
public class LicenceSigner {

    private final CredentialIssuer issuer;
    private final ELicenceStore store;
    private final LicenceConfig config;
    private final Clock clock;

    @Inject
    public LicenceSigner(CredentialIssuer issuer, ELicenceStore store, LicenceConfig config, Clock clock) {
        this.issuer = issuer;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** Until when a credential signed now for {@code licence} would be valid (its expiry, or the signer's). */
    Instant validUntilIfSignedNow(DriverLicence licence) {
        return issuer.validUntil(licence.expiresOn);
    }

    /** The calendar day in the issuing country, which licence dates are. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(LicenceEvents.ISSUING_ZONE));
    }

    /**
     * @param deviceKey the holder's registered device key, signed into the MSO's deviceKeyInfo; empty: a throw-away
     *                  key, i.e. a credential without holder binding (no device can authenticate it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    SignedLicence sign(DriverLicence licence, byte[] portraitJpeg, Optional<PublicKey> deviceKey) {
        var status = new StatusListReference(store.nextStatusIndex(), config.statusList().uri());
        LicenceData data = licenceData(licence, portraitJpeg, today());
        return SignedLicence.of(deviceKey.isPresent() ? issuer.issue(data, deviceKey.get(), status)
                : issuer.issue(data, status));
    }

    private static LicenceData licenceData(DriverLicence licence, byte[] portrait, LocalDate today) {
        return new LicenceData(licence.licenceNumber, licence.familyNameLatin, licence.givenNameLatin,
                licence.residentId, licence.birthDate,
                licence.classes.stream()
                        .map(c -> new DrivingPrivilege(c.classCode, c.grantedOn, c.expiresOn))
                        .toList(),
                licence.firstIssuedOn, today, licence.expiresOn, licence.issuingAuthority, portrait);
    }
}
