package org.elicence.messaging.inbox;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Counts the deliveries of an event whose handling began and did not finish, in table {@code unfinished_delivery}.
 * In-process failures are retried and dead-lettered by {@link InboundEventProcessor}; what it cannot see is a
 * delivery that stops the process itself: a native library crashing on a crafted image, the JVM leaving on
 * {@code OutOfMemoryError} ({@code -XX:+ExitOnOutOfMemoryError}), a pod killed because a handler hung. The record's
 * offset is then never committed, the restarted service is handed the same record, and without a count it would stop
 * again, for ever, holding up every application on that partition. The count is committed before the handler runs
 * and the row deleted with the handler's effect, so only deliveries that ended with the process are counted.
 */
@ApplicationScoped
public class UnfinishedDeliveries {

    private static final Logger LOG = Logger.getLogger(UnfinishedDeliveries.class);

    private static final String BEGIN_SQL = "INSERT INTO unfinished_delivery (consumer, event_id, deliveries) "
            + "VALUES (:consumer, :eventId, 1) ON CONFLICT (consumer, event_id) "
            + "DO UPDATE SET deliveries = unfinished_delivery.deliveries + 1 RETURNING deliveries";
    private static final String FINISH_SQL = "DELETE FROM unfinished_delivery WHERE consumer = :consumer "
            + "AND event_id = :eventId";

    private final EntityManager entityManager;

    @Inject
    public UnfinishedDeliveries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records that a delivery of the event begins, in a transaction of its own that commits at once.
     *
     * @return how many deliveries of the event began without finishing before this one
     */
    public int begin(String consumer, String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Only a crash of the database server could lose this commit before it is flushed: a crash of the
            // service, the case counted here, cannot. The flush is not waited for, so counting costs no disk wait.
            entityManager.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
            Number deliveries = (Number) entityManager.createNativeQuery(BEGIN_SQL)
                    .setParameter("consumer", consumer)
                    .setParameter("eventId", eventId)
                    .getSingleResult();
            return deliveries.intValue() - 1;
        });
    }

    /** The delivery finished: called in the transaction of the handler's effect, so both commit or neither. */
    public void finish(String consumer, String eventId) {
        entityManager.createNativeQuery(FINISH_SQL)
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate();
    }

    /**
     * The delivery ended without an effect (the event is dead-lettered): forgotten in a transaction of its own. If
     * the database cannot be reached the row stays until {@code MessagingRetention} purges it; the dead letter,
     * which is what matters, is not held up by it.
     */
    public void forget(String consumer, String eventId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> finish(consumer, eventId));
        } catch (RuntimeException e) {
            LOG.warnf("%s: could not forget the unfinished delivery of event %s: %s", consumer, eventId, e.toString());
        }
    }
}
