package org.elicence.messaging.outbox;

import java.time.Instant;

import org.elicence.messaging.MessagingConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Deletes published and refused outbox rows (they may carry photos, which are personal data) and old
 * de-duplication and unfinished-delivery records, after the retention the configuration gives. In batches of
 * {@value #BATCH} rows, each in a transaction of its own: after a long relay stall, ten minutes of published rows may
 * hold gigabytes of images, and one statement deleting them all could outlast the driver's socket timeout (120 s),
 * be rolled back and be tried again, never getting through.
 */
@ApplicationScoped
public class MessagingRetention {

    static final int BATCH = 200;

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
        deleteAll("DELETE FROM outbox_message WHERE seq IN (SELECT seq FROM outbox_message WHERE published_at < :cutoff "
                + "LIMIT " + BATCH + ")", now.minus(config.outbox().publishedRetention()));
        deleteAll("DELETE FROM outbox_message WHERE seq IN (SELECT seq FROM outbox_message WHERE refused_at < :cutoff "
                + "LIMIT " + BATCH + ")", now.minus(config.outbox().refusedRetention()));
        deleteAll("DELETE FROM processed_event WHERE ctid IN (SELECT ctid FROM processed_event "
                + "WHERE processed_at < :cutoff LIMIT " + BATCH * 25 + ")", now.minus(config.consumer().processedRetention()));
        // A row left by a delivery whose record went to another instance, which finished or dead-lettered it.
        deleteAll("DELETE FROM unfinished_delivery WHERE ctid IN (SELECT ctid FROM unfinished_delivery "
                + "WHERE first_at < :cutoff LIMIT " + BATCH * 25 + ")", now.minus(config.consumer().processedRetention()));
    }

    /** Runs {@code batchDelete} (a statement deleting a limited batch) until it deletes nothing more. */
    private void deleteAll(String batchDelete, Instant cutoff) {
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(batchDelete)
                    .setParameter("cutoff", cutoff).executeUpdate());
        } while (deleted > 0);
    }
}
