package org.elicence.licence.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.PhotoAccepted;
import org.elicence.messaging.events.PhotoAudited;
import org.elicence.messaging.inbox.PoisonEventException;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Issue 14: a licence is made only from the photo application-service accepted as its application's current one.
 * photo-audit-service's passing verdict carries the portrait; application-service's {@code application.photo-accepted}
 * says which photo is current. Only the owner of the application knows that (a registry photo's PASS may arrive after
 * the applicant uploaded a newer photo that failed), so a PASS alone decides nothing: the two meet here in whichever
 * order they arrive, and the licence is decided when both name the same photo. Both handlers lock the application's
 * {@code known_application} row first, so two events on two topics handled at once never both miss each other.
 */
@ApplicationScoped
public class AcceptedPhotos {

    private static final Logger LOG = Logger.getLogger(AcceptedPhotos.class);

    private final EntityManager entityManager;
    private final KnownApplications applications;
    private final LicenceIssuanceService issuance;
    private final Clock clock;

    @Inject
    public AcceptedPhotos(EntityManager entityManager, KnownApplications applications,
            LicenceIssuanceService issuance, Clock clock) {
        this.entityManager = entityManager;
        this.applications = applications;
        this.issuance = issuance;
        this.clock = clock;
    }

    /** A passing verdict: kept until application-service accepts its photo, or issued from at once if it did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onPassed(PhotoAudited audited) {
        UUID application = UUID.fromString(audited.applicationId());
        UUID photo = UUID.fromString(audited.photoId());
        if (!audited.passBorneOutByChecks()) {
            throw new PoisonEventException("the passing verdict on application " + application
                    + " carries a check that failed or could not be assessed, or leaves a rule out");
        }
        applications.requireApplicant(audited.applicationId(), audited.applicantId());
        applications.lock(application);
        if (decided(application) || applications.withdrawn(application)) {
            return; // nothing more will be issued: its portrait is not kept
        }
        EncodedImage portrait = audited.portrait();
        if (portrait == null) {
            throw new PoisonEventException("the passing verdict on application " + application + " carries no portrait");
        }
        entityManager.createNativeQuery("INSERT INTO passed_photo (application_id, photo_id, content_type, width, "
                + "height, image_base64, received_at) VALUES (:a, :p, :t, :w, :h, :b, :at) ON CONFLICT DO NOTHING")
                .setParameter("a", application).setParameter("p", photo)
                .setParameter("t", portrait.contentType())
                .setParameter("w", portrait.width())
                .setParameter("h", portrait.height())
                .setParameter("b", portrait.base64())
                .setParameter("at", clock.instant()).executeUpdate();
        if (photo.equals(acceptedPhotoOf(application).orElse(null))) {
            issuance.onApproval(audited.applicationId(), audited.applicantId(), portrait);
        } else {
            LOG.infof("application %s: photo %s passed; waiting for application-service to accept it",
                    application, photo);
        }
    }

    /** application-service accepted a photo: issued from if its passing verdict is here, else when it arrives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAccepted(PhotoAccepted accepted) {
        UUID application = UUID.fromString(accepted.applicationId());
        UUID photo = UUID.fromString(accepted.photoId());
        applications.requireApplicant(accepted.applicationId(), accepted.applicantId());
        applications.lock(application);
        entityManager.createNativeQuery("INSERT INTO accepted_photo (application_id, photo_id, accepted_at) "
                + "VALUES (:a, :p, :at) ON CONFLICT (application_id) DO UPDATE SET photo_id = :p, accepted_at = :at")
                .setParameter("a", application).setParameter("p", photo).setParameter("at", clock.instant())
                .executeUpdate();
        Optional<EncodedImage> portrait = passedPortrait(application, photo);
        if (portrait.isPresent()) {
            issuance.onApproval(accepted.applicationId(), accepted.applicantId(), portrait.get());
        } else {
            LOG.infof("application %s: photo %s accepted; waiting for its passing verdict", application, photo);
        }
    }

    private boolean decided(UUID application) {
        return LicenceDecision.findByIdOptional(application).isPresent();
    }

    private Optional<UUID> acceptedPhotoOf(UUID application) {
        @SuppressWarnings("unchecked")
        List<UUID> found = entityManager.createNativeQuery(
                "SELECT photo_id FROM accepted_photo WHERE application_id = :a", UUID.class)
                .setParameter("a", application).getResultList();
        return found.stream().findFirst();
    }

    private Optional<EncodedImage> passedPortrait(UUID application, UUID photo) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = entityManager.createNativeQuery("SELECT content_type, width, height, image_base64 "
                + "FROM passed_photo WHERE application_id = :a AND photo_id = :p")
                .setParameter("a", application).setParameter("p", photo).getResultList();
        return found.stream().findFirst().map(row -> new EncodedImage((String) row[0], ((Number) row[1]).intValue(),
                ((Number) row[2]).intValue(), (String) row[3]));
    }
}
