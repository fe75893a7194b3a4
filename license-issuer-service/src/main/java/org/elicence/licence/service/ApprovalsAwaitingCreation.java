package org.elicence.licence.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.elicence.licence.config.LicenceConfig;
import org.elicence.messaging.EventType;
import org.elicence.messaging.events.DeviceKeyRegistered;
import org.elicence.messaging.inbox.PoisonEventException;
import org.hibernate.Timeouts;
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
     * Keeps {@code approval} when its application is not known yet, or when events kept for it still wait or were
     * refused for failing: an application's events are then handled in the order they were read (a withdrawal read
     * after an early approval does not overtake it, nor an approval a withdrawal kept before it, even one whose
     * handling failed until an operator tries it again or discards it). A device key is not kept behind others: it
     * only binds the credential, whose signing then finds it (the latest registration wins either way).
     *
     * @return whether it was kept; {@code false}: the application is known and the caller handles the approval now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean keptUntilCreated(String applicationId, Object approval) {
        UUID application = UUID.fromString(applicationId);
        if (applications.known(application) && (approval instanceof DeviceKeyRegistered
                || AwaitingApproval.count(AwaitingApproval.HOLDING, application) == 0)) {
            return false;
        }
        EventType type = EventType.forPayload(approval.getClass())
                .orElseThrow(() -> new IllegalArgumentException("not a catalogued event: " + approval.getClass()));
        ObjectNode kept = objectMapper.valueToTree(approval);
        // a verdict's annotated copy of the applicant's photo is for the applicant's view, never read here
        kept.remove("annotated");
        AwaitingApproval.of(application, type.type(), kept, clock.instant()).persist();
        LOG.infof("application %s: %s read before the application's creation or behind events kept for it; kept",
                application, type.type());
        return true;
    }

    /**
     * For each known application with kept events not refused, its oldest, unless an earlier one was refused for
     * failing (the next is handled once it is done).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AwaitingApproval.Ready> ready(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, application_id, refused_at FROM ("
                + "SELECT DISTINCT ON (a.application_id) a.id, a.application_id, a.refused_at "
                + "FROM approval_awaiting_application a JOIN known_application k USING (application_id) "
                + "WHERE a.refused_at IS NULL OR NOT a.refused_for_content "
                + "ORDER BY a.application_id, a.id) oldest WHERE refused_at IS NULL ORDER BY id LIMIT :limit")
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new AwaitingApproval.Ready(((Number) row[0]).longValue(), (UUID) row[1]))
                .toList();
    }

    /**
     * Counts an attempt at handling a kept approval, committed before the handling begins, so that one whose handling
     * ends the process (a native crash, memory) is not handled for ever: at {@code licence.awaiting-creation.max-attempts}
     * attempts begun it is refused instead.
     *
     * @return whether to handle it now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean beginAttempt(long id) {
        // another instance handling it holds the row: skipped here (its outcome is that instance's to record)
        AwaitingApproval kept = entityManager.find(AwaitingApproval.class, id, LockModeType.PESSIMISTIC_WRITE,
                Timeouts.SKIP_LOCKED);
        if (kept == null || kept.refused() || heldBehindEarlier(kept)) {
            return false;
        }
        if (kept.attempts >= config.maxAttempts()) {
            kept.refuse("its handling did not finish " + kept.attempts + " times", false, clock.instant());
            LOG.errorf("application %s: kept %s %d refused: %s", kept.applicationId, kept.eventType, id, kept.refusal);
            return false;
        }
        kept.attempts++;
        return true;
    }

    /**
     * Takes a kept approval for handling in the caller's transaction: deleted there, so it is handled once, whichever
     * instance takes it (another waits for the row's lock and then finds nothing), and only while no earlier event of
     * its application waits.
     *
     * @return its event; empty when it was handled or refused meanwhile, or an earlier one waits
     * @throws IllegalStateException when the kept event no longer maps to its type
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Object> take(long id) {
        AwaitingApproval kept = AwaitingApproval.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (kept == null || kept.refused() || heldBehindEarlier(kept)) {
            return Optional.empty();
        }
        // kept as the typed event it was: one that no longer reads back is a fault of this service's code (an
        // upgrade), not of what the event says, so it fails (and is refused for failing, holding what follows it)
        EventType type = EventType.fromType(kept.eventType).orElseThrow(() -> new IllegalStateException(
                "kept approval " + id + " has an event type no longer catalogued: " + kept.eventType));
        Object approval;
        try {
            approval = objectMapper.treeToValue(kept.payload, type.payloadType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("kept approval " + id + " does not map to " + type.type());
        }
        kept.delete();
        LOG.infof("application %s is known now: its %s kept since %s is handled now", kept.applicationId, type.type(),
                kept.receivedAt);
        return Optional.of(approval);
    }

    /**
     * The handling of a kept approval failed (its transaction rolled back): refused at once when it will never pass
     * (poison), once {@code licence.awaiting-creation.max-attempts} attempts have begun otherwise; until then the next
     * pass tries again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(long id, Throwable failure) {
        AwaitingApproval kept = AwaitingApproval.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (kept == null || kept.refused()) {
            return;
        }
        // a poison's reason is written for dead letters and logs (no resident ID, no content); another failure's
        // message may quote what it failed on: only its kind is kept, the innermost (a failed commit wraps its cause)
        if (failure instanceof PoisonEventException) {
            kept.refuse(failure.getMessage(), true, clock.instant());
        } else if (kept.attempts >= config.maxAttempts()) {
            kept.refuse(kept.attempts + " attempts failed, the last with " + innermost(failure), false,
                    clock.instant());
        }
        if (kept.refused()) {
            LOG.errorf("application %s: kept %s %d refused: %s", kept.applicationId, kept.eventType, id, kept.refusal);
        } else {
            LOG.warnf("application %s: kept %s %d failed (%s); tried again", kept.applicationId, kept.eventType, id,
                    innermost(failure));
        }
    }

    /**
     * Hourly: a kept approval whose application was never created, or that was refused, goes after
     * {@code licence.awaiting-creation.retention}, with an ERROR line naming it (no content); so do the events of its
     * application kept behind it, however young, when it held them (it still waits, or was refused for failing; one
     * refused for its content holds nothing): deleted alone, it would let them be handled once the creation is read
     * (an approval kept behind a withdrawal would issue the licence of a withdrawn application). Until 2026-12-07 only
     * a row refused for failing took those behind it along.
     */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void deleteExpired() {
        Instant before = clock.instant().minus(config.retention());
        List<Object[]> deleted = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("DELETE FROM approval_awaiting_application a "
                    + "WHERE a.received_at < :before OR EXISTS (SELECT 1 FROM approval_awaiting_application h "
                    + "WHERE h.application_id = a.application_id AND h.id < a.id AND h.received_at < :before "
                    + "AND NOT h.refused_for_content) "
                    + "RETURNING a.id, a.application_id, a.event_type, a.refused_at, a.refusal, "
                    + "a.received_at < :before")
                    .setParameter("before", before).getResultList();
            return rows;
        });
        deleted.forEach(row -> LOG.errorf("application %s: kept %s %s deleted (%s)", row[1], row[2], row[0],
                !Boolean.TRUE.equals(row[5]) ? "behind an event that held it (waiting, or refused for failing), "
                        + "deleted after " + config.retention()
                        : row[3] != null ? "refused, after " + config.retention() + ": " + row[4]
                                : "waiting after " + config.retention() + ": its application was never created, "
                                        + "or it waited behind an event that held it"));
    }

    /** Whether an earlier event of its application waits, or was refused for failing: that one goes first. */
    private static boolean heldBehindEarlier(AwaitingApproval kept) {
        return AwaitingApproval.count(AwaitingApproval.HOLDING + " and id < ?2", kept.applicationId, kept.id) > 0;
    }

    private static String innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
