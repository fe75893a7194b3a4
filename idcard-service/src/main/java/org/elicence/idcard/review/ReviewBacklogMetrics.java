package org.elicence.idcard.review;

import org.elicence.messaging.persistence.WaitingRowsGauges;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Staff's backlog of ID-card cases as gauges: {@code idcard_review_cases_pending} and
 * {@code idcard_review_cases_pending_oldest_seconds} (0: none). Staff find a case on {@code idcard-review-cases}, which
 * keeps a record 30 days: a case pending longer has left the topic and their list, and its application would wait for
 * ever (alert {@code ElicenceReviewBacklog}, at 14 days).
 */
@ApplicationScoped
public class ReviewBacklogMetrics {

    private final EntityManager entityManager;
    private final WaitingRowsGauges pending;

    @Inject
    public ReviewBacklogMetrics(MeterRegistry registry, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.pending = new WaitingRowsGauges(registry, "idcard.review_cases_pending",
                "ID-card review cases waiting for a staff decision", "FROM review_case WHERE status = 'PENDING'",
                "opened_at");
    }

    @PreDestroy
    void removeGauges() {
        pending.remove();
    }

    @Scheduled(every = "${idcard.metrics.interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refresh() {
        pending.refresh(entityManager);
    }
}
