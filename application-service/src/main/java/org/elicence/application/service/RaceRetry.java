package org.elicence.application.service;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.hibernate.StaleStateException;

import jakarta.persistence.OptimisticLockException;

/**
 * An applicant's request that lost a race with an event on the same application (both changed the row: the
 * version check refuses the later commit) is run again, in a new transaction, a few times; if it keeps losing it
 * is answered 409 with Retry-After, never 500.
 */
final class RaceRetry {

    static final int ATTEMPTS = 4;

    private RaceRetry() {
    }

    static <T> T call(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (!lostARace(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new ProblemException(ProblemCode.CONCURRENT_UPDATE)
                            .retryAfter(1);
                }
                pause(attempt);
            }
        }
    }

    /** An optimistic-lock failure anywhere in the cause chain (Hibernate's or JPA's, however wrapped). */
    static boolean lostARace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (lostARace(suppressed)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
