package org.elicence.messaging.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;

/**
 * Rows that wait for someone (staff's undecided cases) as two gauges read from the database: {@code name}, how many,
 * and {@code name_oldest_seconds}, how long the oldest has waited (0: none). Read, not counted in code, so every
 * instance reports the same figures (aggregate with max). The caller refreshes them in a transaction, on a schedule.
 */
public final class WaitingRowsGauges {

    private final String fromWhere;
    private final String since;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    /**
     * @param fromWhere the rows' SQL, from {@code FROM} on (the service's own text, never a caller's input)
     * @param since the column, of those rows, that says since when each has waited
     */
    public WaitingRowsGauges(MeterRegistry registry, String name, String description, String fromWhere, String since) {
        this.fromWhere = fromWhere;
        this.since = since;
        Gauge.builder(name, count, AtomicLong::get).description(description).register(registry);
        Gauge.builder(name + "_oldest_seconds", oldestSeconds, AtomicLong::get)
                .description("How long the oldest has waited: " + description).register(registry);
    }

    /** Reads both figures again, in the caller's transaction. */
    public void refresh(EntityManager entityManager) {
        count.set(((Number) entityManager.createNativeQuery("SELECT count(*) " + fromWhere).getSingleResult())
                .longValue());
        Instant oldest = (Instant) entityManager.createNativeQuery("SELECT min(" + since + ") " + fromWhere,
                Instant.class).getSingleResult();
        oldestSeconds.set(oldest == null ? 0 : Duration.between(oldest, Instant.now()).toSeconds());
    }
}
