package org.elicence.licence.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.elicence.licence.credential.status.LicenceStatus;
import org.elicence.licence.credential.mdoc.MdocPortrait;
import org.elicence.licence.registry.DriverLicence;
import org.elicence.messaging.events.LicenceAuthorityCommand;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * An authority's RENEW, or an application's for a credential about to lapse ({@link #renewBeforeItLapses}): a freshly
 * signed credential for the same licence number replaces the current one. It is
 * signed like a first issue ({@link LicenceSigner}): what the registry says today, valid from now until the end of
 * the registry's expiry day (capped at the current document signer certificate's expiry), under the current
 * signer key, with a new status list entry, bound to the latest device key any holder registered. An authority's
 * renewal signs the portrait the replaced credential carries, read back from its mdoc: that is the approved portrait,
 * and keeping no second copy of it keeps the store to one image per credential; an application's signs the portrait
 * approved for it. The replaced credential turns SUPERSEDED, so presenting it verifies as INVALID / SUPERSEDED; the
 * renewal keeps the licence's status (a suspended licence stays suspended until REINSTATE).
 *
 * <p>Rules: a REVOKED licence cannot be renewed (revocation is final); a licence whose registry record has
 * expired cannot either (the registry must record its renewal first). Runs inside the command's or the approval's
 * transaction, under the licence's lock, so it happens once and never beside another change to the licence.
 */
@ApplicationScoped
public class LicenceRenewal {

    private static final Logger LOG = Logger.getLogger(LicenceRenewal.class);

    private final ELicenceStore store;
    private final LicenceSigner signer;
    private final Outbox outbox;
    private final Clock clock;
    private final DeviceKeys deviceKeys;

    @Inject
    public LicenceRenewal(ELicenceStore store, LicenceSigner signer, Outbox outbox, Clock clock, DeviceKeys deviceKeys) {
        this.deviceKeys = deviceKeys;
        this.store = store;
        this.signer = signer;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return why the licence cannot be renewed; empty once it is renewed and the holders are told */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<String> renew(ELicence current, LicenceAuthorityCommand command) {
        if (current.status == LicenceStatus.REVOKED) {
            return Optional.of("licence " + current.licenceNumber + " is REVOKED; revocation is final, so it cannot "
                    + "be renewed");
        }
        DriverLicence licence = DriverLicence.findById(current.licenceNumber);
        if (licence.expiresOn.isBefore(signer.today())) { // valid through its expiry day
            return Optional.of("licence " + current.licenceNumber + " expired on " + licence.expiresOn
                    + " in the driving-licence registry; record its renewal in the registry, then send RENEW again");
        }
        long replacedIndex = current.statusIndex;
        ELicence renewed = replace(current, licence, MdocPortrait.jpeg(current.mdoc), null, command.reason());
        LOG.infof("authority command %s: licence %s renewed (status list entry %d replaces %d, valid until %s, %s; "
                + "by %s)", command.commandId(), licence.licenceNumber, renewed.statusIndex, replacedIndex,
                renewed.validUntil, renewed.status, command.authorityId());
        return Optional.empty();
    }

    /**
     * A credential that has lapsed, or will within {@code licence.credentials.renew-within}, while its licence is still
     * valid (a credential's validity ends, at the latest, with the document signer certificate it was signed under):
     * the application that would be given it is issued a fresh one instead, with the portrait approved for it, which
     * replaces the old one for every holder. The caller has checked the licence (not revoked, not expired in the
     * registry) and that a credential signed now lasts longer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ELicence renewBeforeItLapses(ELicence lapsing, DriverLicence licence, byte[] portraitJpeg, UUID applicationId) {
        ELicence renewed = replace(lapsing, licence, portraitJpeg, applicationId,
                "credential valid until " + lapsing.validUntil + ", renewed for an application");
        LOG.infof("application %s: the e-licence of licence %s was valid until %s; renewed (status list entry %d "
                + "replaces %d, valid until %s, %s)", applicationId, licence.licenceNumber, lapsing.validUntil,
                renewed.statusIndex, lapsing.statusIndex, renewed.validUntil, renewed.status);
        return renewed;
    }

    /**
     * Signs a fresh credential in place of {@code current} (for application {@code causedBy}, or null for a command),
     * moves its holders to it and tells each of them.
     */
    private ELicence replace(ELicence current, DriverLicence licence, byte[] portraitJpeg, UUID causedBy,
            String reason) {
        List<UUID> binding = new ArrayList<>(LicenceDecision.applicationsHolding(current.id));
        if (causedBy != null) {
            binding.add(causedBy);
        }
        // The latest device key any holder application registered: a key registered after first issue binds from here.
        SignedLicence signed = signer.sign(licence, portraitJpeg, deviceKeys.latestOf(binding));
        ELicence renewed = store.replace(current, signed, causedBy, reason, clock.instant());
        // LicenceIssued again, with the new credentials: the applicant's view replaces the licence it shows.
        for (UUID holder : LicenceDecision.moveHolders(current.id, renewed.id)) {
            LicenceEvents.publish(outbox, LicenceEvents.issued(holder.toString(), licence, renewed));
        }
        return renewed;
    }
}
