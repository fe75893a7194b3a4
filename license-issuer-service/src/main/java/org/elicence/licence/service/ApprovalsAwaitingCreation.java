package org.elicence.licence.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.elicence.licence.config.LicenceConfig;
import org.elicence.messaging.EventType;
import org.elicence.messaging.inbox.PoisonEventException;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * An approval may be read before its application's {@code application.created}: a passing photo or an approved ID
 * card travels on another topic than the creation, and a creation dead-lettered in an outage is read again only when
 * an operator replays it. Such an approval is kept here, in the transaction that marks its delivery done, and handled
 * once the creation has been read, as if it had just arrived; the consumer is never held waiting, and the approval
 * neither lost nor dead-lettered for being early. The approval is checked against the applicant the creation names
 * only then: one naming another applicant, or failing for good, is refused and kept for an operator
 * (docs/operator-runbook.md, "ElicenceLicenceApprovalsAwaiting").
 */
@ApplicationScoped
public class ApprovalsAwaitingCreation {

    private static final Logger LOG = Logger.getLogger(ApprovalsAwaitingCreation.class);

    private final KnownApplications applications;
    private final ObjectMapper objectMapper;
    private final EntityManager entityManager;
    private final LicenceConfig.AwaitingCreation config;
    private final Clock clock;

    @Inject
    public ApprovalsAwaitingCreation(KnownApplications applications, ObjectMapper objectMapper,
            EntityManager entityManager, LicenceConfig config, Clock clock) {
        this.applications = applications;
        this.objectMapper = objectMapper;
        this.entityManager = entityManager;
        this.config = config.awaitingCreation();
        this.clock = clock;
    }

    /**
     * Keeps {@code approval} when its application is not known yet, or when approvals kept before it still wait (so
     * that an application's approvals are handled in the order they were read: a withdrawal read after an early
     * approval does not overtake it).
     *
     * @return whether it was kept; {@code false}: the application is known and the caller handles the approval now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean keptUntilCreated(String applicationId, Object approval) {
        UUID application = UUID.fromString(applicationId);
        if (applications.known(application) && AwaitingApproval.count("applicationId = ?1 and refusedAt is null",
                application) == 0) {
            return false;
        }
        EventType type = EventType.forPayload(approval.getClass())
                .orElseThrow(() -> new IllegalArgumentException("not a catalogued event: " + approval.getClass()));
        AwaitingApproval.of(application, type.type(), objectMapper.valueToTree(approval), clock.instant()).persist();
        LOG.infof("application %s: %s read before the application's creation or behind approvals kept for it; kept",
                application, type.type());
        return true;
    }

    /** Kept approvals whose application is known now, not refused, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AwaitingApproval.Ready> ready(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT a.id, a.application_id "
                + "FROM approval_awaiting_application a JOIN known_application k USING (application_id) "
                + "WHERE a.refused_at IS NULL ORDER BY a.id LIMIT :limit").setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new AwaitingApproval.Ready(((Number) row[0]).longValue(), (UUID) row[1]))
                .toList();
    }

    /**
     * Takes a kept approval for handling in the caller's transaction: deleted there, so it is handled once, whichever
     * instance takes it (another waits for the row's lock and then finds nothing).
     *
     * @return its event; empty when it was handled or refused meanwhile
     * @throws PoisonEventException when the kept event no longer maps to its type
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Object> take(long id) {
        AwaitingApproval kept = AwaitingApproval.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (kept == null || kept.refused()) {
            return Optional.empty();
        }
        EventType type = EventType.fromType(kept.eventType).orElseThrow(() -> new PoisonEventException(
                "kept approval " + id + " has an event type no longer catalogued: " + kept.eventType));
        Object approval;
        try {
            approval = objectMapper.treeToValue(kept.payload, type.payloadType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("kept approval " + id + " does not map to " + type.type());
        }
        kept.delete();
        LOG.infof("application %s is known now: its %s kept since %s is handled now", kept.applicationId, type.type(),
                kept.receivedAt);
        return Optional.of(approval);
    }

    /**
     * The handling of a kept approval failed (its transaction rolled back): refused at once when it will never pass
     * (poison), after {@code licence.awaiting-creation.max-attempts} otherwise; until then the next pass tries again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(long id, RuntimeException failure) {
        AwaitingApproval kept = AwaitingApproval.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (kept == null || kept.refused()) {
            return;
        }
        boolean poison = failure instanceof PoisonEventException;
        // a poison's reason is written for dead letters and logs (no resident ID, no content); another failure's
        // message may quote what it failed on: only its kind is kept
        kept.failed(poison ? failure.getMessage() : failure.getClass().getSimpleName(), poison, config.maxAttempts(),
                clock.instant());
        if (kept.refused()) {
            LOG.errorf("application %s: kept %s %d refused after %d attempts: %s", kept.applicationId, kept.eventType,
                    id, kept.attempts, kept.refusal);
        } else {
            LOG.warnf("application %s: kept %s %d failed (%s); tried again", kept.applicationId, kept.eventType, id,
                    failure.getClass().getSimpleName());
        }
    }

    /**
     * Hourly: a kept approval whose application was never created, or that was refused, goes after
     * {@code licence.awaiting-creation.retention}, with an ERROR line naming it (no content).
     */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteExpired() {
        Instant before = clock.instant().minus(config.retention());
        List<AwaitingApproval> expired = QuarkusTransaction.requiringNew().call(() -> {
            List<AwaitingApproval> found = AwaitingApproval.list("receivedAt < ?1", before);
            found.forEach(AwaitingApproval::delete);
            return found;
        });
        expired.forEach(kept -> LOG.errorf("application %s: kept %s %d deleted after %s (%s)", kept.applicationId,
                kept.eventType, kept.id, config.retention(),
                kept.refused() ? "refused: " + kept.refusal : "its application was never created"));
    }
}
