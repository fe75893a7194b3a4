package org.elicence.messaging.outbox;

import java.time.Instant;

import org.elicence.messaging.MessagingConfig;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Deletes published and refused outbox rows (they may carry photos, which are personal data) and old
 * de-duplication and unfinished-delivery records, after the retention the configuration gives.
 */
@ApplicationScoped
public class MessagingRetention {

    private final EntityManager entityManager;
    private final MessagingConfig config;

    @Inject
    public MessagingRetention(EntityManager entityManager, MessagingConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        Instant now = Instant.now();
        entityManager.createQuery("delete from OutboxMessage m where m.publishedAt < :cutoff")
                .setParameter("cutoff", now.minus(config.outbox().publishedRetention()))
                .executeUpdate();
        entityManager.createQuery("delete from OutboxMessage m where m.refusedAt < :cutoff")
                .setParameter("cutoff", now.minus(config.outbox().refusedRetention()))
                .executeUpdate();
        entityManager.createNativeQuery("DELETE FROM processed_event WHERE processed_at < :cutoff")
                .setParameter("cutoff", now.minus(config.consumer().processedRetention()))
                .executeUpdate();
        // A row left by a delivery whose record went to another instance, which finished or dead-lettered it.
        entityManager.createNativeQuery("DELETE FROM unfinished_delivery WHERE first_at < :cutoff")
                .setParameter("cutoff", now.minus(config.consumer().processedRetention()))
                .executeUpdate();
    }
}
