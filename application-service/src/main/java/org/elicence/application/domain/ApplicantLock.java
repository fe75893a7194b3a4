package org.elicence.application.domain;

import org.elicence.messaging.persistence.TransactionLock;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * PostgreSQL advisory locks per applicant, held until the transaction ends, one key space per purpose: what two
 * requests at once would both count before either is written (on any instance, for the lock is the database's).
 */
public enum ApplicantLock {

    /** Opening an application: the cap on applications in progress. */
    OPENINGS(0x4f50454e), // "OPEN"
    /** An upload: the limit on uploads in a window. */
    UPLOADS(0x55504c44); // "UPLD"

    private final TransactionLock lock;

    ApplicantLock(int space) {
        this.lock = new TransactionLock(space);
    }

    /** Waits for, then holds until the current transaction ends, this lock of the applicant's. */
    public void hold(String applicantId) {
        lock.hold(Panache.getEntityManager(), applicantId);
    }
}
