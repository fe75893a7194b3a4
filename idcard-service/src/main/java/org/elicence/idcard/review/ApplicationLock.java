package org.elicence.idcard.review;

import java.util.UUID;

import org.elicence.messaging.persistence.TransactionLock;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Serialises, per application and until the transaction ends, what decides about its card: a side's reading stored,
 * the review case opened (from a reading or from the application's ApplicationCreated) and the retention deleting
 * its uploads' images. Each would otherwise act on what the other has written but not committed: two passed sides
 * and a newly known applicant each missing the other, or images deleted under a case opened at that moment.
 */
public final class ApplicationLock {

    private static final TransactionLock LOCK = new TransactionLock(0x49444341); // "IDCA"

    private ApplicationLock() {
    }

    /** Waits for, then holds until the current transaction ends, the application's lock. */
    public static void hold(UUID applicationId) {
        LOCK.hold(Panache.getEntityManager(), applicationId.toString());
    }
}
