package org.elicence.licence.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import jakarta.persistence.EntityManager;

/**
 * The licence register as gauges: {@code licence_e_licences{status}} (signed credentials by register
 * status) and {@code licence_decisions{outcome}} (applications issued, shared an existing e-licence, or
 * refused); and {@code licence_approvals_awaiting_creation{state}}, approvals read before their application's
 * creation that still wait for it ({@code waiting}) or were refused when handled ({@code refused}), with
 * {@code licence_approvals_awaiting_creation_oldest_seconds}, how long the oldest waiting one has (0: none; seconds
 * are normal, they travel on other topics than the creation). Read from the
 * register, not counted in code, so a rolled-back signing is never counted and
 * every instance reports the same figures (aggregate with max, not sum); rates come from Prometheus'
 * {@code deriv()} or {@code delta()}.
 */
@ApplicationScoped
public class LicenceRegisterMetrics {

    private static final Logger LOG = Logger.getLogger(LicenceRegisterMetrics.class);
    private static final List<String> STATUSES = List.of("ACTIVE", "SUSPENDED", "REVOKED", "SUPERSEDED");
    private static final List<String> OUTCOMES = List.of("ISSUED", "SHARED", "REFUSED");
    private static final List<String> KEPT_STATES = List.of("waiting", "refused");

    private final EntityManager entityManager;
    private final Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byOutcome = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> keptByState = new ConcurrentHashMap<>();
    private final AtomicLong oldestWaitingSeconds = new AtomicLong();
    private final Clock clock;
    private final OwnedGauges gauges;

    @Inject
    public LicenceRegisterMetrics(MeterRegistry registry, EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.gauges = new OwnedGauges(registry);
        for (String status : STATUSES) {
            AtomicLong value = byStatus.computeIfAbsent(status, s -> new AtomicLong());
            gauges.register(Gauge.builder("licence.e_licences", value, AtomicLong::get).tag("status", status)
                    .description("Signed e-licence credentials in the register, by status"));
        }
        for (String outcome : OUTCOMES) {
            AtomicLong value = byOutcome.computeIfAbsent(outcome, o -> new AtomicLong());
            gauges.register(Gauge.builder("licence.decisions", value, AtomicLong::get).tag("outcome", outcome)
                    .description("Applications decided by the issuer, by outcome"));
        }
        for (String state : KEPT_STATES) {
            AtomicLong value = keptByState.computeIfAbsent(state, o -> new AtomicLong());
            gauges.register(Gauge.builder("licence.approvals_awaiting_creation", value, AtomicLong::get)
                    .tag("state", state)
                    .description("Approvals read before their application's creation: waiting for it, or refused"));
        }
        gauges.register(Gauge.builder("licence.approvals_awaiting_creation_oldest_seconds", oldestWaitingSeconds,
                AtomicLong::get)
                .description("How long the oldest approval waiting for its application's creation has waited"));
    }

    @PreDestroy
    void removeGauges() {
        gauges.removeAll();
    }

    @Scheduled(every = "${licence.metrics.interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                copy("SELECT status, count(*) FROM e_licence GROUP BY status", byStatus);
                copy("SELECT outcome, count(*) FROM licence_decision GROUP BY outcome", byOutcome);
                copy("SELECT CASE WHEN refused_at IS NULL THEN 'waiting' ELSE 'refused' END, count(*) "
                        + "FROM approval_awaiting_application GROUP BY 1", keptByState);
                oldestWaitingSeconds.set(oldestWaiting().map(since -> Duration.between(since, clock.instant()))
                        .orElse(Duration.ZERO).toSeconds());
            });
        } catch (RuntimeException e) {
            LOG.debugf("licence register metrics not refreshed this time: %s", e.toString());
        }
    }

    private Optional<Instant> oldestWaiting() {
        return Optional.ofNullable((Instant) entityManager.createNativeQuery("SELECT min(received_at) "
                + "FROM approval_awaiting_application WHERE refused_at IS NULL", Instant.class).getSingleResult());
    }

    private void copy(String query, Map<String, AtomicLong> gauges) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(query).getResultList();
        Map<String, Long> counts = new java.util.HashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        gauges.forEach((key, gauge) -> gauge.set(counts.getOrDefault(key, 0L)));
    }
}
