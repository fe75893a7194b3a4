package org.elicence.messaging.inbox;

import java.sql.SQLException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Whether the service's database answers now: {@code SELECT 1} in a transaction of its own. {@link BoundedRetry} asks
 * it after a failure, to tell an outage, waited out, from a failure of the record's own, counted. While the database
 * is away the question takes as long as the pool waits for a connection (its acquisition timeout), one more pause
 * before the next try.
 */
@ApplicationScoped
public class DatabaseProbe {

    private final EntityManager entityManager;

    @Inject
    public DatabaseProbe(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean reachable() {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("SELECT 1").getSingleResult());
            return true;
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
