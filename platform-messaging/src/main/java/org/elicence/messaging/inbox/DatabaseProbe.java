package org.elicence.messaging.inbox;

import java.sql.SQLException;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Whether the service's database can be written now: it answers, in a transaction of its own, and is not a server in
 * recovery (a standby, or a primary demoted by a failover, answers reads and refuses every write).
 * {@link BoundedRetry} asks it after a failure, to tell an outage, waited out, from a failure of the record's own,
 * counted. While the database is away the question takes as long as the pool waits for a connection (its acquisition
 * timeout), one more pause before the next try. Once the service is stopping it throws: a consumer waiting for the
 * database then lets its record go (unacknowledged, or nacked), instead of waiting on with the pool closed.
 */
@ApplicationScoped
public class DatabaseProbe {

    private final EntityManager entityManager;

    @Inject
    public DatabaseProbe(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean reachable() {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            throw new IllegalStateException("the service is stopping: no longer waiting for the database");
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> Boolean.FALSE.equals(entityManager
                    .createNativeQuery("SELECT pg_is_in_recovery()").getSingleResult()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The failure, by class and SQLSTATE where it has one: no message, which might quote a statement's values. */
    static String describe(Throwable failure) {
        Throwable shown = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            shown = t;
            if (t instanceof SQLException) {
                break;
            }
        }
        return shown instanceof SQLException sql && sql.getSQLState() != null
                ? shown.getClass().getName() + " SQLSTATE " + sql.getSQLState()
                : shown.getClass().getName();
    }
}
