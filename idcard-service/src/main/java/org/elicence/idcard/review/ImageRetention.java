package org.elicence.idcard.review;

import java.time.Instant;

import org.elicence.idcard.config.RetentionConfig;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Deletes uploaded card images, their perspective-corrected copies and the cut-out portraits once
 * their retention ran out. The upload rows stay, with their check results, as the applicant's record.
 */
@ApplicationScoped
public class ImageRetention {

    private static final Logger LOG = Logger.getLogger(ImageRetention.class);

    /**
     * Never while a case is pending; after the retention of a decision made after the upload; otherwise (an upload
     * no decision saw, such as a side uploaded again after a rejection) after the longer one, from the upload.
     */
    private static final String PURGE_SQL = """
            UPDATE id_card_upload u SET image = NULL, rectified_card = NULL, portrait = NULL, images_deleted_at = now()
            WHERE u.images_deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM review_case c WHERE c.application_id = u.application_id
                              AND (c.status = 'PENDING' OR c.decided_at >= :decidedBefore))
              AND (EXISTS (SELECT 1 FROM review_case c WHERE c.application_id = u.application_id
                           AND c.decided_at < :decidedBefore AND c.decided_at > u.uploaded_at)
                   OR u.uploaded_at < :uploadedBefore)
            """;

    private final EntityManager entityManager;
    private final RetentionConfig config;

    @Inject
    public ImageRetention(EntityManager entityManager, RetentionConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeExpiredImages();
    }

    /** @return how many uploads lost their images. */
    @Transactional
    public int purgeExpiredImages() {
        Instant now = Instant.now();
        int purged = entityManager.createNativeQuery(PURGE_SQL)
                .setParameter("decidedBefore", now.minus(config.imagesAfterDecision()))
                .setParameter("uploadedBefore", now.minus(config.undecidedImages()))
                .executeUpdate();
        if (purged > 0) {
            LOG.infof("deleted the images of %d ID-card uploads past their retention", purged);
        }
        return purged;
    }
}
