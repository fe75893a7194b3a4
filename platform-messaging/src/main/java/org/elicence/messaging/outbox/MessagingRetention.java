package org.elicence.messaging.outbox;

import java.time.Instant;

import org.elicence.messaging.MessagingConfig;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Deletes published and refused outbox rows (they may carry photos, which are personal data) and old
 * de-duplication and unfinished-delivery records, after the retention the configuration gives. In batches, each in
 * a transaction of its own, {@value #OUTBOX_BATCH} outbox rows at a time (an image event is up to 13.6 MB: a batch
 * at most about 270 MB of images): after a long relay stall ten minutes of published rows may hold gigabytes, and one
 * statement deleting them all could outlast the driver's socket timeout (120 s), be rolled back and be tried again,
 * never getting through. Each kind of row is purged on its own: a failure with one is logged and leaves the others
 * purged.
 */
@ApplicationScoped
public class MessagingRetention {

    static final int OUTBOX_BATCH = 20;
    static final int RECORD_BATCH = 5_000;
    private static final Logger LOG = Logger.getLogger(MessagingRetention.class);

    private final EntityManager entityManager;
    private final MessagingConfig config;

    @Inject
    public MessagingRetention(EntityManager entityManager, MessagingConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void purge() {
        Instant now = Instant.now();
        // SKIP LOCKED: another instance's purge deleting the same rows is stepped over, not waited for
        deleteAll("published outbox rows", "DELETE FROM outbox_message WHERE seq IN (SELECT seq FROM outbox_message "
                + "WHERE published_at < :cutoff ORDER BY published_at LIMIT " + OUTBOX_BATCH + " FOR UPDATE SKIP LOCKED)",
                now.minus(config.outbox().publishedRetention()));
        deleteAll("refused outbox rows", "DELETE FROM outbox_message WHERE seq IN (SELECT seq FROM outbox_message "
                + "WHERE refused_at < :cutoff ORDER BY refused_at LIMIT " + OUTBOX_BATCH + " FOR UPDATE SKIP LOCKED)",
                now.minus(config.outbox().refusedRetention()));
        deleteAll("processed events", "DELETE FROM processed_event WHERE ctid IN (SELECT ctid FROM processed_event "
                + "WHERE processed_at < :cutoff LIMIT " + RECORD_BATCH + " FOR UPDATE SKIP LOCKED)",
                now.minus(config.consumer().processedRetention()));
        // A row left by a delivery whose record went to another instance, which finished or dead-lettered it.
        deleteAll("unfinished deliveries", "DELETE FROM unfinished_delivery WHERE ctid IN (SELECT ctid FROM "
                + "unfinished_delivery WHERE first_at < :cutoff LIMIT " + RECORD_BATCH + " FOR UPDATE SKIP LOCKED)",
                now.minus(config.consumer().processedRetention()));
    }

    /** Runs {@code batchDelete} (a statement deleting a limited batch) until it deletes nothing more. */
    private void deleteAll(String what, String batchDelete, Instant cutoff) {
        try {
            int deleted;
            do {
                deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(batchDelete)
                        .setParameter("cutoff", cutoff).executeUpdate());
            } while (deleted > 0);
        } catch (RuntimeException e) {
            LOG.warnf("retention: %s not purged this time (%s); the next pass tries again", what, e.getClass().getName());
        }
    }
}
