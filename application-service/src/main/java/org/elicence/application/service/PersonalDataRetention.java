package org.elicence.application.service;

import java.time.Instant;

import org.elicence.application.config.ApplicationConfig;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Deletes annotated photos of closed applications once their retention ran out (docs/privacy.md). */
@ApplicationScoped
public class PersonalDataRetention {

    private static final Logger LOG = Logger.getLogger(PersonalDataRetention.class);

    private final EntityManager entityManager;
    private final ApplicationConfig config;

    @Inject
    public PersonalDataRetention(EntityManager entityManager, ApplicationConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeExpiredPhotos();
    }

    /** Applications closed before this lose their photos. */
    private Instant photoCutoff() {
        return Instant.now().minus(config.retention().annotatedPhotoAfterClose());
    }

    /** Whether the photos of an application closed at {@code closedAt} (null: open) are past their retention. */
    public boolean photosExpired(Instant closedAt) {
        return closedAt != null && closedAt.isBefore(photoCutoff());
    }

    /** @return how many annotated photos were deleted. */
    @Transactional
    public int purgeExpiredPhotos() {
        Instant cutoff = photoCutoff();
        int deleted = entityManager.createNativeQuery("DELETE FROM photo_annotation WHERE application_id IN "
                + "(SELECT id FROM application WHERE closed_at < :cutoff)")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        // Every attempt's annotated copy (the operators' record) goes with it.
        entityManager.createNativeQuery("DELETE FROM photo_attempt_annotation WHERE application_id IN "
                + "(SELECT id FROM application WHERE closed_at < :cutoff)")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        // The images of its photo review cases go with the annotated photo, pending ones too: a case left pending on
        // a closed application (settled by an ID card staff approved, say) has nothing left to decide, and its images
        // would otherwise be kept for ever.
        entityManager.createNativeQuery("UPDATE photo_review_case SET annotated = NULL, portrait = NULL "
                + "WHERE (annotated IS NOT NULL OR portrait IS NOT NULL) AND application_id IN "
                + "(SELECT id FROM application WHERE closed_at < :cutoff)")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        if (deleted > 0) {
            LOG.infof("deleted %d annotated photos of applications closed before %s", deleted, cutoff);
        }
        return deleted;
    }
}
