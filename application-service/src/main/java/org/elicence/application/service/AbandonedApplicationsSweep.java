package org.elicence.application.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.application.domain.Application;
import org.elicence.application.domain.ApplicationStatus;
import org.elicence.messaging.events.ApplicationWithdrawn;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Closes applications that waited for the applicant (a new photo, the ID card) untouched for longer than
 * {@code applications.sweep.abandoned-after}: as WITHDRAWN with the notice WITHDRAWN_ABANDONED. Without it an
 * abandoned application would count against the applicant's open applications and keep its images for ever (their
 * retention runs from the application's closing, docs/privacy.md). Counted by {@code applications.abandoned.closed}.
 */
@ApplicationScoped
public class AbandonedApplicationsSweep {

    private static final int BATCH = 200;

    private final ApplicationConfig config;
    private final Withdrawals withdrawals;
    private final Counter closed;

    @Inject
    public AbandonedApplicationsSweep(ApplicationConfig config, Withdrawals withdrawals, MeterRegistry metrics) {
        this.config = config;
        this.withdrawals = withdrawals;
        this.closed = Counter.builder("applications.abandoned.closed")
                .description("Applications closed after waiting for the applicant too long").register(metrics);
    }

    @Scheduled(every = "${applications.sweep.abandoned-every:PT1H}", delayed = "${applications.sweep.abandoned-every:PT1H}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sweep();
    }

    /** One pass; returns how many applications it closed. */
    public int sweep() {
        Instant bound = Instant.now().minus(config.sweep().abandonedAfter());
        int total = 0;
        List<UUID> ids;
        do {
            // the closed ones leave the query's result, so each batch is read from its start again
            ids = QuarkusTransaction.requiringNew().call(() -> Application.<Application>find(
                    "nextAction in ?1 and status not in ?2 and updatedAt < ?3 order by updatedAt, id",
                    Application.THE_APPLICANTS_TURN, EnumSet.copyOf(ApplicationStatus.FINAL), bound)
                    .page(0, BATCH).list().stream().map(a -> a.id).toList());
            int closedNow = 0;
            for (UUID id : ids) {
                if (close(id, bound)) {
                    closedNow++;
                }
            }
            total += closedNow;
            if (closedNow == 0) {
                break; // every one found raced an upload: the next pass sees them again
            }
        } while (ids.size() == BATCH);
        return total;
    }

    /** Closes one application in its own transaction; one the applicant touched meanwhile stays open. */
    private boolean close(UUID id, Instant bound) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Application application = Application.findById(id);
                if (application == null || !application.updatedAt.isBefore(bound) || !application.mayBeWithdrawn()) {
                    return false;
                }
                withdrawals.close(application, ApplicationWithdrawn.ABANDONED);
                closed.increment();
                return true;
            });
        } catch (RuntimeException raced) {
            if (!RaceRetry.lostARace(raced)) {
                throw raced;
            }
            return false;
        }
    }
}
