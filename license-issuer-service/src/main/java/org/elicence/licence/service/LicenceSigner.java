package org.elicence.licence.service;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.elicence.licence.config.DocumentSignerStanding;
import org.elicence.licence.config.IacaCrl;
import org.elicence.licence.config.LicenceConfig;
import org.elicence.licence.credential.CredentialIssuer;
import org.elicence.licence.credential.CredentialRejectedException;
import org.elicence.licence.credential.DrivingPrivilege;
import org.elicence.licence.credential.LicenceData;
import org.elicence.licence.credential.jws.JwsCompact;
import org.elicence.licence.credential.status.StatusListReference;
import org.elicence.licence.registry.DriverLicence;
import org.elicence.messaging.events.IssuingCountry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Signs a credential for what the registry says about a licence today, with the portrait given, under the current
 * document signer key. First issuance and renewal both come here, so a renewed credential is made exactly like a
 * first one. Each signing draws a fresh status list index from the store's sequence. Nothing is signed under a document
 * signer the IACA's CRL revokes: every verifier would answer CERTIFICATE_REVOKED, and the applicant would hold a
 * licence that never verifies (until 2026-12-07 the CRL was read by verification only); nor under one that has
 * expired, which every verifier refuses as well.
 */
@ApplicationScoped
public class LicenceSigner {

    private final CredentialIssuer issuer;
    private final ELicenceStore store;
    private final LicenceConfig config;
    private final Clock clock;
    private final IacaCrl crl;
    private final DocumentSignerStanding standing;

    @Inject
    public LicenceSigner(CredentialIssuer issuer, ELicenceStore store, LicenceConfig config, Clock clock,
            IacaCrl crl, DocumentSignerStanding standing) {
        this.issuer = issuer;
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.crl = crl;
        this.standing = standing;
    }

    /**
     * Whether the IACA revoked the document signer of {@code live}'s credential (its JWS's x5c): handed out as it
     * is, it fails every verification, so it is renewed before it is shared.
     */
    boolean signerRevoked(ELicence live) {
        if (live.jws == null) {
            return false;
        }
        try {
            byte[] der = JwsCompact.parse(live.jws).signerCertificateDer();
            return der != null && crl.revokes((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CredentialRejectedException | CertificateException e) {
            // this service signed it: one that no longer reads is a fault here, not the application's
            throw new IllegalStateException("the credential of e-licence " + live.id + " does not read", e);
        }
    }

    /** Until when a credential signed now for {@code licence} would be valid (its expiry, or the signer's). */
    Instant validUntilIfSignedNow(DriverLicence licence) {
        return issuer.validUntil(licence.expiresOn);
    }

    /** The calendar day in the issuing country, which licence dates are. */
    LocalDate today() {
        return IssuingCountry.today(clock);
    }

    /**
     * @param deviceKey the holder's registered device key, signed into the MSO's deviceKeyInfo; empty: a throw-away
     *                  key, i.e. a credential without holder binding (no device can authenticate it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    SignedLicence sign(DriverLicence licence, byte[] portraitJpeg, Optional<PublicKey> deviceKey) {
        requireUsable();
        var status = new StatusListReference(store.nextStatusIndex(), config.statusList().uri());
        LicenceData data = licenceData(licence, portraitJpeg, today());
        return SignedLicence.of(deviceKey.isPresent() ? issuer.issue(data, deviceKey.get(), status)
                : issuer.issue(data, status));
    }

    /**
     * Throws unless the document signer in use may sign: not poison, the application is fine; it is signed once a
     * new document signer is installed (the health check's documentSignerRevoked or documentSignerExpired says why;
     * the record is retried, then dead-lettered for a replay: docs/licence.md, "Rotation").
     */
    void requireUsable() {
        if (standing.revoked()) {
            throw new IllegalStateException("the document signer certificate is revoked by the IACA's CRL: nothing "
                    + "is signed under it; install a new one");
        }
        if (standing.expired()) {
            // what it signed would verify CERTIFICATE_EXPIRED everywhere
            throw new IllegalStateException("the document signer certificate expired on "
                    + standing.expires() + ": nothing is signed under it; install a new one");
        }
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
