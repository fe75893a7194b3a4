package org.elicence.application.service;

import org.elicence.messaging.persistence.WaitingRowsGauges;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Staff's backlog of photo cases as gauges: {@code photo_review_cases_pending} and
 * {@code photo_review_cases_pending_oldest_seconds} (0: none), counting the cases of open applications only (a case
 * left pending when its application closed another way has nothing left to decide). Staff find a case on
 * {@code photo-review-cases}, which keeps a record 30 days: a case pending longer has left the topic and their list,
 * and its applicant would wait for ever (alert {@code ElicenceReviewBacklog}, at 14 days).
 */
@ApplicationScoped
public class ReviewBacklogMetrics {

    private final EntityManager entityManager;
    private final WaitingRowsGauges pending;

    @Inject
    public ReviewBacklogMetrics(MeterRegistry registry, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.pending = new WaitingRowsGauges(registry, "photo.review_cases_pending",
                "Photo review cases of open applications waiting for a staff decision",
                "FROM photo_review_case c JOIN application a ON a.id = c.application_id"
                        + " WHERE c.status = 'PENDING' AND a.closed_at IS NULL", "c.opened_at");
    }

    @PreDestroy
    void removeGauges() {
        pending.remove();
    }

    @Scheduled(every = "${applications.metrics.interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refresh() {
        pending.refresh(entityManager);
    }
}
