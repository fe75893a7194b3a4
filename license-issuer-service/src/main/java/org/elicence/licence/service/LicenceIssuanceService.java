package org.elicence.licence.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.elicence.licence.config.LicenceConfig;
import org.elicence.licence.credential.status.LicenceStatus;
import org.elicence.licence.registry.DriverLicence;
import org.elicence.licence.service.LicenceDecision.Outcome;
import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.LicenceRefused;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Turns an approved application (a passing photo or an approved ID card) into exactly one outcome: a signed
 * e-licence published as LicenceIssued, or a LicenceRefused. Runs in the approval event's inbox transaction, so
 * the decision, the e-licence and the event commit together or not at all.
 *
 * <p>Exactly once, whatever arrives: the first approval of an application claims its decision row and every
 * later one (redelivered, a second passing photo, photo and ID card both approved) finds it and does nothing.
 * If the licence already has a live e-licence, from this or a racing application, the application is given that
 * one (LicenceIssued re-published under its id, outcome SHARED) instead of a second signature: a licence has
 * one e-licence, and an applicant who applies again still gets it, renewed first if its credential has lapsed or
 * is about to ({@link LicenceRenewal#renewBeforeItLapses}). A revoked licence is refused for good, and so is one an
 * authority revoked before it had an e-licence; a licence suspended before then is signed SUSPENDED
 * ({@link LicenceStanding}). An
 * approval of an application application-service withdrew before it was read decides nothing
 * ({@link ApplicationWithdrawals}).
 */
@ApplicationScoped
public class LicenceIssuanceService {

    private static final Logger LOG = Logger.getLogger(LicenceIssuanceService.class);

    private final KnownApplications applications;
    private final ELicenceStore store;
    private final Outbox outbox;
    private final LicenceSigner signer;
    private final Clock clock;
    private final DeviceKeys deviceKeys;
    private final LicenceRenewal renewal;
    private final LicenceConfig config;

    @Inject
    public LicenceIssuanceService(ELicenceStore store, Outbox outbox, LicenceSigner signer, Clock clock,
            KnownApplications applications, DeviceKeys deviceKeys, LicenceRenewal renewal, LicenceConfig config) {
        this.applications = applications;
        this.renewal = renewal;
        this.config = config;
        this.deviceKeys = deviceKeys;
        this.store = store;
        this.outbox = outbox;
        this.signer = signer;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onApproval(String applicationId, String residentId, EncodedImage portrait) {
        applications.requireApplicant(applicationId, residentId);
        UUID application = UUID.fromString(applicationId);
        applications.lock(application); // a withdrawal handled at the same time comes wholly before or after
        // decided now or before, or withdrawn: a passing photo's portrait kept for it will not be issued from
        applications.forgetPassedPortraits(application);
        if (applications.withdrawn(application)) {
            LOG.infof("application %s was withdrawn; approval ignored, nothing issued", applicationId);
            return;
        }
        if (!store.claimDecision(application, clock.instant())) {
            LOG.infof("application %s already has a licence decision; approval ignored", applicationId);
            return;
        }
        LicenceDecision decision = LicenceDecision.findById(application);
        Optional<DriverLicence> found = DriverLicence.findByResidentId(residentId);
        if (found.isEmpty()) {
            refuse(decision, LicenceRefused.NO_DRIVING_LICENCE_RECORD);
            return;
        }
        DriverLicence licence = found.get();
        store.lockLicence(licence.licenceNumber);
        Optional<ELicence> current = ELicence.findCurrent(licence.licenceNumber);
        LicenceStatus status = current.map(live -> live.status)
                .orElseGet(() -> LicenceStanding.of(licence.licenceNumber)); // revoked before any e-licence too
        if (status == LicenceStatus.REVOKED) {
            refuse(decision, LicenceEvents.LICENCE_REVOKED);
            return;
        }
        // before sharing too: an e-licence signed while the licence was valid must not be handed out after it lapsed;
        // on its expiry day the holder may still drive (docs/licence.md), and a credential signed then lasts the day
        if (licence.expiresOn.isBefore(signer.today())) {
            refuse(decision, LicenceEvents.LICENCE_EXPIRED);
            return;
        }
        if (current.isPresent() && renewBeforeSharing(current.get(), licence)) {
            renewAndIssue(decision, licence, current.get(), Portraits.jpeg(applicationId, portrait));
            return;
        }
        if (current.isPresent()) {
            if (!current.get().validUntil.isAfter(clock.instant())) {
                // lapsed and not renewed: only a signer that cannot sign leaves it so (the licence is valid, so a
                // credential signed now would outlast it); given as it is, it would fail every verification for good
                signer.requireUsable();
                throw new IllegalStateException("the credential of e-licence " + current.get().id + " lapsed on "
                        + current.get().validUntil + " and could not be renewed");
            }
            share(decision, licence, current.get());
            return;
        }
        sign(decision, licence, Portraits.jpeg(applicationId, portrait));
    }

    /**
     * Whether a live e-licence's credential is renewed before an application is given it: it has lapsed, or will
     * within {@code licence.credentials.renew-within}, and a credential signed now would be valid longer (and at all).
     * Given as it is, a lapsed credential fails every verification. Not renewed when a new one would end as soon: the
     * licence itself expires then, or the document signer certificate does with no new one installed yet (the signing
     * keys' health check warns of that): nothing is signed for nothing. Renewed too when the IACA revoked the
     * document signer that signed it (a compromised key): it would verify CERTIFICATE_REVOKED.
     */
    private boolean renewBeforeSharing(ELicence live, DriverLicence licence) {
        if (signer.signerRevoked(live)) {
            return true;
        }
        Instant now = clock.instant();
        Instant fresh = signer.validUntilIfSignedNow(licence);
        return live.validUntil.isBefore(now.plus(config.credentials().renewWithin())) && fresh.isAfter(live.validUntil)
                && fresh.isAfter(now);
    }

    private void renewAndIssue(LicenceDecision decision, DriverLicence licence, ELicence lapsing, byte[] portraitJpeg) {
        ELicence renewed = renewal.renewBeforeItLapses(lapsing, licence, portraitJpeg, decision.applicationId);
        decide(decision, Outcome.ISSUED, renewed.id, null);
        String applicationId = decision.applicationId.toString();
        LicenceEvents.publish(outbox, LicenceEvents.issued(applicationId, licence, renewed));
    }

    private void sign(LicenceDecision decision, DriverLicence licence, byte[] portraitJpeg) {
        // Bound to the device key the application registered; without one, to a throw-away key (docs/licence.md).
        SignedLicence signed = signer.sign(licence, portraitJpeg, deviceKeys.latestOf(List.of(decision.applicationId)));
        UUID eLicenceId = store.insertActiveUnlessLive(licence.licenceNumber, decision.applicationId, signed);
        if (eLicenceId == null) {
            // A racing application for the same licence committed its e-licence first; ours is discarded unseen.
            share(decision, licence, ELicence.findLive(licence.licenceNumber).orElseThrow(() ->
                    new IllegalStateException("licence " + licence.licenceNumber + " lost a race to no e-licence")));
            return;
        }
        ELicence eLicence = ELicence.findById(eLicenceId);
        LicenceStanding.carryOnto(eLicence); // suspended before it was signed: it starts SUSPENDED
        decide(decision, Outcome.ISSUED, eLicence.id, null);
        String applicationId = decision.applicationId.toString();
        LicenceEvents.publish(outbox, LicenceEvents.issued(applicationId, licence, eLicence));
        LOG.infof("application %s: e-licence issued for licence %s", applicationId, licence.licenceNumber);
    }

    private void share(LicenceDecision decision, DriverLicence licence, ELicence existing) {
        decide(decision, Outcome.SHARED, existing.id, null);
        String applicationId = decision.applicationId.toString();
        LicenceEvents.publish(outbox, LicenceEvents.issued(applicationId, licence, existing));
        LOG.infof("application %s: licence %s already has e-licence %s (%s); given to this application",
                applicationId, licence.licenceNumber, existing.id, existing.status);
    }

    private void refuse(LicenceDecision decision, String code) {
        decide(decision, Outcome.REFUSED, null, code);
        String applicationId = decision.applicationId.toString();
        outbox.publish(applicationId, LicenceEvents.refused(applicationId, code));
        LOG.infof("application %s: licence refused (%s)", applicationId, code);
    }

    private void decide(LicenceDecision decision, Outcome outcome, UUID eLicenceId, String refusalCode) {
        decision.outcome = outcome;
        decision.eLicenceId = eLicenceId;
        decision.refusalCode = refusalCode;
        decision.decidedAt = clock.instant();
    }
}
