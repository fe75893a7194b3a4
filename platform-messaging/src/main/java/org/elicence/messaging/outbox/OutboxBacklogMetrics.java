package org.elicence.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.elicence.messaging.metrics.OwnedGauges;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The gauges {@code outbox_backlog} (Prometheus names): outbox rows not yet published to Kafka,
 * {@code outbox_oldest_unpublished_age_seconds}: how long the oldest of them has waited (0 when none), and
 * {@code outbox_refused}: rows the broker refused for good ({@link OutboxRelay}), kept for operators. Counted every
 * few seconds on partial indexes, never on a scrape, so scraping costs no query. Under load the backlog is rarely 0
 * at the instant it is counted although every row goes out within seconds; an oldest row that keeps ageing is what
 * tells a relay that cannot reach the broker (the ElicenceOutboxNotDraining alert). A refused row is an event no
 * consumer will see (docs/deploy.md, "Observability").
 */
@ApplicationScoped
public class OutboxBacklogMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxBacklogMetrics.class);

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final OwnedGauges gauges;

    @Inject
    public OutboxBacklogMetrics(MeterRegistry registry) {
        gauges = new OwnedGauges(registry);
        gauges.register(Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published to Kafka"));
        gauges.register(Gauge.builder("outbox.oldest.unpublished.age", oldestAgeSeconds, AtomicLong::get)
                .baseUnit("seconds")
                .description("How long the oldest outbox row not yet published has waited; 0 when none"));
        gauges.register(Gauge.builder("outbox.refused", refused, AtomicLong::get)
                .description("Outbox rows the broker refused for good (too large), kept for operators"));
    }

    @PreDestroy
    void removeGauges() {
        gauges.removeAll();
    }

    @Scheduled(every = "${messaging.outbox.backlog-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Unpublished unpublished = unpublished(Instant.now());
                backlog.set(unpublished.rows());
                oldestAgeSeconds.set(unpublished.oldestAge().toSeconds());
                refused.set(OutboxMessage.count("refusedAt is not null"));
            });
        } catch (RuntimeException e) {
            LOG.debugf("outbox backlog not counted this time: %s", e.toString());
        }
    }

    /** The rows neither published nor refused: how many, and how long the oldest has waited at {@code now}. */
    public record Unpublished(long rows, Duration oldestAge) {
    }

    /** {@link Unpublished} in one read of the unpublished rows, in the caller's transaction. */
    public static Unpublished unpublished(Instant now) {
        Object[] found = OutboxMessage.getEntityManager().createQuery("select count(m), min(m.createdAt) "
                + "from OutboxMessage m where m.publishedAt is null and m.refusedAt is null", Object[].class)
                .getSingleResult();
        Instant oldest = (Instant) found[1];
        return new Unpublished(((Number) found[0]).longValue(),
                oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now));
    }
}
