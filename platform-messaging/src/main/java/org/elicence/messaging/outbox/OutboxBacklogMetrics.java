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
 * The gauge {@code outbox_backlog} (Prometheus name): outbox rows not yet published to Kafka. Counted every few
 * seconds on the partial index of unpublished rows, never on a scrape, so scraping costs no query. A backlog
 * that grows and stays means the relay cannot reach the broker (docs/deploy.md, "Metrics that matter").
 */
@ApplicationScoped
public class OutboxBacklogMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxBacklogMetrics.class);

    private final AtomicLong backlog = new AtomicLong();

    @Inject
    public OutboxBacklogMetrics(MeterRegistry registry) {
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published to Kafka")
                .register(registry);
    }

    @Scheduled(every = "${messaging.outbox.backlog-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        try {
            backlog.set(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("publishedAt is null")));
        } catch (RuntimeException e) {
            LOG.debugf("outbox backlog not counted this time: %s", e.toString());
        }
    }
}
