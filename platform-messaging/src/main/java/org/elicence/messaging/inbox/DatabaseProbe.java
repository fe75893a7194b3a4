package org.elicence.messaging.inbox;

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
}
