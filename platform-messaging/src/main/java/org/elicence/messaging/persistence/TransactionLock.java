package org.elicence.messaging.persistence;

import jakarta.persistence.EntityManager;

/**
 * A PostgreSQL advisory lock on a key, held until the current transaction ends: serialises, on any instance (the lock
 * is the database's), what two transactions at once would each decide without seeing the other's writes, including
 * about a row neither can lock because it does not exist yet.
 *
 * @param space the first of the lock's two int keys, naming its purpose, so that no other advisory lock of the
 *              database collides with it (a key is only hashed into the second)
 */
public record TransactionLock(int space) {

    private static final String LOCK_SQL = "SELECT count(*) FROM pg_advisory_xact_lock(:space, hashtext(:key))";

    /** Waits for this lock of {@code key}, then holds it until the transaction of {@code entityManager} ends. */
    public void hold(EntityManager entityManager, String key) {
        entityManager.createNativeQuery(LOCK_SQL).setParameter("space", space).setParameter("key", key)
                .getSingleResult();
    }
}
