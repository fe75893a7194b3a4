package org.elicence.messaging.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.elicence.messaging.metrics.OwnedGauges;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * Rows that wait for someone (staff's undecided cases) as two gauges read from the database: {@code name}, how many,
 * and {@code name_oldest_seconds}, how long the oldest has waited (0: none). Read, not counted in code, so every
 * instance reports the same figures (aggregate with max). The caller refreshes them on a schedule,
 * and removes them when it goes ({@link #remove}, {@link OwnedGauges}).
 */
public final class WaitingRowsGauges {

    private static final Logger LOG = Logger.getLogger(WaitingRowsGauges.class);

    private final String fromWhere;
    private final String since;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final String name;
    private final OwnedGauges gauges;

    /**
     * @param fromWhere the rows' SQL, from {@code FROM} on (the service's own text, never a caller's input)
     * @param since the column, of those rows, that says since when each has waited
     */
    public WaitingRowsGauges(MeterRegistry registry, String name, String description, String fromWhere, String since) {
        this.fromWhere = fromWhere;
        this.since = since;
        this.name = name;
        this.gauges = new OwnedGauges(registry);
        gauges.register(Gauge.builder(name, count, AtomicLong::get).description(description));
        gauges.register(Gauge.builder(name + "_oldest_seconds", oldestSeconds, AtomicLong::get)
                .description("How long the oldest has waited: " + description));
    }

    /** Takes both gauges out of the registry. */
    public void remove() {
        gauges.removeAll();
    }

    /**
     * Reads both figures again in a transaction of their own; a failure (the database away) leaves them as they were
     * until the next refresh.
     */
    public void refresh(EntityManager entityManager) {
        try {
            QuarkusTransaction.requiringNew().run(() -> read(entityManager));
        } catch (RuntimeException e) {
            LOG.debugf("%s not refreshed this time: %s", name, e.toString());
        }
    }

    private void read(EntityManager entityManager) {
        count.set(((Number) entityManager.createNativeQuery("SELECT count(*) " + fromWhere).getSingleResult())
                .longValue());
        Instant oldest = (Instant) entityManager.createNativeQuery("SELECT min(" + since + ") " + fromWhere,
                Instant.class).getSingleResult();
        oldestSeconds.set(oldest == null ? 0 : Duration.between(oldest, Instant.now()).toSeconds());
    }
}
