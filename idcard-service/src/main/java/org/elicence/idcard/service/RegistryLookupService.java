package org.elicence.idcard.service;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.elicence.idcard.config.RegistryConfig;
import org.elicence.idcard.registry.Applicant;
import org.elicence.idcard.registry.Citizen;
import org.elicence.idcard.registry.RegistryOutcome;
import org.elicence.idcard.registry.RegistryPhotos;
import org.elicence.idcard.review.ReviewCaseService;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.IdCardUploadRequired;
import org.elicence.messaging.events.IdRegistryPhotoRetrieved;
import org.elicence.messaging.events.PhotoAuditRequested;
import org.elicence.messaging.events.PhotoSource;
import org.elicence.messaging.image.BrokenImageException;
import org.elicence.messaging.image.MetadataStripper;
import org.elicence.messaging.image.StrippedImage;
import org.elicence.messaging.inbox.PoisonEventException;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Issue 2: a new application looks the applicant up in the ID registry. A recent card's photo goes to
 * the photo audit; otherwise the applicant is asked to upload the card. The outcome is kept as the
 * applicant's record and the events leave through the outbox in the same transaction. The registry's photo leaves
 * without its metadata, as the applicant's uploads do (docs/privacy.md); a file that is no well-formed image is no
 * usable photo. An application announced again must name the same applicant. Card sides the applicant uploaded
 * before the application was known here get their review case once it is.
 */
@ApplicationScoped
public class RegistryLookupService {

    private static final Logger LOG = Logger.getLogger(RegistryLookupService.class);

    private final RegistryConfig config;
    private final RegistryPhotos photos;
    private final Outbox outbox;
    private final ReviewCaseService reviewCases;

    @Inject
    public RegistryLookupService(RegistryConfig config, RegistryPhotos photos, Outbox outbox,
            ReviewCaseService reviewCases) {
        this.config = config;
        this.photos = photos;
        this.outbox = outbox;
        this.reviewCases = reviewCases;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onApplicationCreated(ApplicationCreated created) {
        UUID applicationId = UUID.fromString(created.applicationId());
        Applicant known = Applicant.findById(applicationId);
        if (known != null) {
            if (!known.applicantId.equals(created.applicantId())) {
                // No resident ID in the reason: it ends up in a dead-letter header and the logs.
                throw new PoisonEventException("application " + applicationId
                        + " announced again naming another applicant than the first time");
            }
            // The same application announced twice under different event ids: the first lookup stands.
            LOG.infof("application %s was already looked up, ignoring the repeat", applicationId);
            return;
        }
        Optional<Citizen> citizen = Citizen.findByIdOptional(created.applicantId());
        RegistryOutcome outcome = RegistryOutcome.of(citizen, config.photoValidFrom());
        StrippedImage photo = null;
        if (!outcome.requiresUpload()) {
            photo = registryPhoto(applicationId, citizen.orElseThrow());
            outcome = photo == null ? RegistryOutcome.NO_USABLE_PHOTO : outcome;
        }

        Applicant applicant = new Applicant();
        applicant.applicationId = applicationId;
        applicant.applicantId = created.applicantId();
        applicant.fullName = created.fullName();
        applicant.registryOutcome = outcome;
        applicant.lookedUpAt = Instant.now();
        if (outcome.requiresUpload()) {
            outbox.publish(created.applicationId(), new IdCardUploadRequired(created.applicationId(),
                    outcome.uploadReason(), outcome.uploadMessage(config.photoValidFrom())));
        } else {
            applicant.registryPhotoId = UUID.randomUUID();
            sendPhotoToAudit(created, photo, applicant.registryPhotoId.toString());
        }
        applicant.persistAndFlush();
        LOG.infof("application %s: ID registry lookup %s", applicationId, outcome);
        // card sides uploaded and read before the application was known here: their case opens now
        reviewCases.openIfBothSidesPassed(applicationId);
    }

    /** The citizen's registry photo without its metadata, or null when the registry's file is no well-formed image. */
    private StrippedImage registryPhoto(UUID applicationId, Citizen citizen) {
        try {
            return MetadataStripper.strip(photos.read(citizen.photoFile));
        } catch (BrokenImageException broken) {
            // not the file's name: a real registry may name its files by resident ID
            LOG.warnf("application %s: the registry's photo is no well-formed image (%s); the card is asked for",
                    applicationId, broken.getMessage());
            return null;
        }
    }

    private void sendPhotoToAudit(ApplicationCreated created, StrippedImage photo, String photoId) {
        String imageBase64 = Base64.getEncoder().encodeToString(photo.bytes());
        outbox.publish(created.applicationId(), new PhotoAuditRequested(created.applicationId(),
                created.applicantId(), photoId, PhotoSource.ID_REGISTRY, photo.contentType(), imageBase64,
                Instant.now()));
        outbox.publish(created.applicationId(), new IdRegistryPhotoRetrieved(created.applicationId(), photoId));
    }
}
