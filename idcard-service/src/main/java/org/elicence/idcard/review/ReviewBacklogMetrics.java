package org.elicence.idcard.review;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Staff's backlog of ID-card cases as gauges: {@code idcard_review_cases_pending} and
 * {@code idcard_review_cases_pending_oldest_seconds} (0: none). Staff find a case on {@code idcard-review-cases}, which
 * keeps a record 30 days: a case pending longer has left the topic and their list, and its application would wait for
 * ever (alert {@code ElicenceReviewBacklog}, at 14 days). Read from the cases, so every instance reports the same
 * figures (aggregate with max).
 */
@ApplicationScoped
public class ReviewBacklogMetrics {

    private static final Logger LOG = Logger.getLogger(ReviewBacklogMetrics.class);

    private final EntityManager entityManager;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    @Inject
    public ReviewBacklogMetrics(MeterRegistry registry, EntityManager entityManager) {
        this.entityManager = entityManager;
        Gauge.builder("idcard.review_cases_pending", pending, AtomicLong::get)
                .description("ID-card review cases waiting for a staff decision").register(registry);
        Gauge.builder("idcard.review_cases_pending_oldest_seconds", oldestSeconds, AtomicLong::get)
                .description("How long the oldest ID-card review case has waited for a staff decision")
                .register(registry);
    }

    @Scheduled(every = "${idcard.metrics.interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                pending.set(((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM review_case WHERE status = 'PENDING'").getSingleResult()).longValue());
                Instant oldest = (Instant) entityManager.createNativeQuery(
                        "SELECT min(opened_at) FROM review_case WHERE status = 'PENDING'", Instant.class)
                        .getSingleResult();
                oldestSeconds.set(oldest == null ? 0 : Duration.between(oldest, Instant.now()).toSeconds());
            });
        } catch (RuntimeException e) {
            LOG.debugf("review backlog metrics not refreshed this time: %s", e.toString());
        }
    }
}
