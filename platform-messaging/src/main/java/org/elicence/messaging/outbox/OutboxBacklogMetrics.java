package org.elicence.messaging.outbox;

import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The gauges {@code outbox_backlog} (Prometheus names): outbox rows not yet published to Kafka, and
 * {@code outbox_refused}: rows the broker refused for good ({@link OutboxRelay}), kept for operators. Counted every
 * few seconds on partial indexes, never on a scrape, so scraping costs no query. A backlog that grows and stays means
 * the relay cannot reach the broker; a refused row is an event no consumer will see (docs/deploy.md, "Metrics that
 * matter").
 */
@ApplicationScoped
public class OutboxBacklogMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxBacklogMetrics.class);

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    @Inject
    public OutboxBacklogMetrics(MeterRegistry registry) {
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published to Kafka")
                .register(registry);
        Gauge.builder("outbox.refused", refused, AtomicLong::get)
                .description("Outbox rows the broker refused for good (too large), kept for operators")
                .register(registry);
    }

    @Scheduled(every = "${messaging.outbox.backlog-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                backlog.set(OutboxMessage.count("publishedAt is null and refusedAt is null"));
                refused.set(OutboxMessage.count("refusedAt is not null"));
            });
        } catch (RuntimeException e) {
            LOG.debugf("outbox backlog not counted this time: %s", e.toString());
        }
    }
}
