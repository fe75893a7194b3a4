package org.elicence.idcard.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.elicence.idcard.config.RetentionConfig;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Deletes uploaded card images, their perspective-corrected copies, the cut-out portraits and the uploader's resident
 * ID number once their retention ran out. The upload rows stay, with their check results, as the applicant's record.
 */
@ApplicationScoped
public class ImageRetention {

    private static final Logger LOG = Logger.getLogger(ImageRetention.class);

    /**
     * Never while a case is pending; after the retention of a decision made after the upload; otherwise (an upload
     * no decision saw, such as a side uploaded again after a rejection) after the longer one, from the upload.
     */
    private static final String EXPIRED = """
            u.images_deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM review_case c WHERE c.application_id = u.application_id
                              AND (c.status = 'PENDING' OR c.decided_at >= :decidedBefore))
              AND (EXISTS (SELECT 1 FROM review_case c WHERE c.application_id = u.application_id
                           AND c.decided_at < :decidedBefore AND c.decided_at > u.uploaded_at)
                   OR u.uploaded_at < :uploadedBefore)
            """;
    private static final String APPLICATIONS_SQL = "SELECT DISTINCT CAST(u.application_id AS text)"
            + " FROM id_card_upload u WHERE " + EXPIRED;
    /** The uploader's resident ID number goes too: it was needed only to open a case on the images. */
    private static final String PURGE_SQL = "UPDATE id_card_upload u SET image = NULL, rectified_card = NULL,"
            + " portrait = NULL, uploader_id = NULL, images_deleted_at = now()"
            + " WHERE u.application_id = :applicationId AND " + EXPIRED;

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

    /**
     * Deletes, one application at a time and under its {@link ApplicationLock}, the images past their retention: the
     * deletion's conditions are read again once the lock is held, so a case a reading opened meanwhile keeps its
     * images (a single statement over every application would judge "no case pending" as its start saw it).
     *
     * @return how many uploads lost their images.
     */
    public int purgeExpiredImages() {
        Instant now = Instant.now();
        Instant decidedBefore = now.minus(config.imagesAfterDecision());
        Instant uploadedBefore = now.minus(config.undecidedImages());
        List<String> applications = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery(APPLICATIONS_SQL, String.class).setParameter("decidedBefore", decidedBefore)
                .setParameter("uploadedBefore", uploadedBefore).getResultList());
        int purged = 0;
        for (String application : applications) {
            UUID applicationId = UUID.fromString(application);
            try {
                purged += QuarkusTransaction.requiringNew().call(() -> {
                    ApplicationLock.hold(applicationId);
                    return entityManager.createNativeQuery(PURGE_SQL).setParameter("applicationId", applicationId)
                            .setParameter("decidedBefore", decidedBefore)
                            .setParameter("uploadedBefore", uploadedBefore).executeUpdate();
                });
            } catch (RuntimeException e) {
                // one application's failure (its lock held past the transaction's timeout) leaves the others' due
                // deletions to this run, and its own to the next
                LOG.warnf("the images of application %s past their retention are left to the next run: %s",
                        applicationId, e.getClass().getName());
            }
        }
        if (purged > 0) {
            LOG.infof("deleted the images of %d ID-card uploads past their retention", purged);
        }
        return purged;
    }
}
