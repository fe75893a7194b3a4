package org.elicence.messaging.inbox;

import java.sql.SQLException;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

import org.elicence.messaging.MessagingConfig;
import org.jboss.logging.Logger;

/**
 * A consumer's step run again after a failure that may pass (a lock or statement timeout, a serialization failure),
 * with a doubling pause, until it succeeds or {@code messaging.consumer.max-attempts} are used; then the record is
 * dead-lettered with the exception {@code exhausted} makes. Poison ({@link PoisonEventException}) is thrown at once:
 * it would fail the same way every time. Events (InboundEventProcessor) and operators' commands (OperatorCommands)
 * are retried by this one rule.
 *
 * <p>A failure while the database cannot be written (a restart, a failover, the network) uses up no attempt: it says
 * nothing of the record, and every record read during an outage used to be dead-lettered within seconds, each
 * application then waiting for the held sweep. Which failures those are is asked of the database itself, not read
 * from the exception ({@link DatabaseProbe}): a refused or reset connection, a pool that times out waiting for one and
 * a server shutting down look alike from here. The step then waits, without running, until the database answers
 * again (the probe asked with a pause doubling up to {@code messaging.consumer.max-outage-backoff}), however long that
 * is: the partition waits, and the stall check (liveness) restarts a service held past
 * {@code messaging.consumer.stall-timeout}. A record that takes the database down itself (a statement that crashes the
 * server, which then recovers) is bounded too: after {@code max-attempts} outages during its handling it is
 * dead-lettered. An interruption does not end the wait (the record would be nacked into the dead letters though
 * nothing is wrong with it; unacknowledged, it is read again after the restart); the service stopping does
 * ({@link DatabaseProbe#reachable} throws once it has).
 */
public final class BoundedRetry {

    private static final Logger LOG = Logger.getLogger(BoundedRetry.class);

    private BoundedRetry() {
    }

    /**
     * @param what names the record in the log (ids, never its content)
     * @param databaseReachable asked after a failure: false is an outage, waited out without using an attempt
     * @param exhausted the dead-letter exception, from the attempts made and the last failure
     */
    public static void run(MessagingConfig.Consumer config, String consumer, String what, Runnable step,
            BooleanSupplier databaseReachable, BiFunction<Integer, RuntimeException, RuntimeException> exhausted) {
        long backoff = config.retryBackoff().toMillis();
        int outages = 0;
        boolean interrupted = false;
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    step.run();
                    return;
                } catch (PoisonEventException poison) {
                    throw poison;
                } catch (RuntimeException e) {
                    if (!databaseReachable.getAsBoolean()) {
                        if (++outages > config.maxAttempts()) {
                            LOG.errorf("%s: %s met the database away %d times, dead-lettering it: %s", consumer, what,
                                    outages, describe(e));
                            throw exhausted.apply(attempt, e);
                        }
                        LOG.warnf("%s: %s waits for the database (%s)", consumer, what, describe(e));
                        interrupted |= waitForTheDatabase(config, databaseReachable);
                        LOG.infof("%s: the database answers again, %s is tried again", consumer, what);
                        attempt--; // no attempt used: the outage says nothing of the record
                        continue;
                    }
                    if (attempt >= config.maxAttempts()) {
                        LOG.errorf("%s: %s failed %d times, dead-lettering it: %s", consumer, what, attempt,
                                e.toString());
                        throw exhausted.apply(attempt, e);
                    }
                    LOG.warnf("%s: %s failed (attempt %d), retrying: %s", consumer, what, attempt, e.toString());
                    sleep(backoff);
                    backoff *= 2;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks until the database answers, the pause doubling to the cap; says whether an interruption came meanwhile. */
    private static boolean waitForTheDatabase(MessagingConfig.Consumer config, BooleanSupplier databaseReachable) {
        boolean interrupted = false;
        long pause = config.retryBackoff().toMillis();
        do {
            interrupted |= sleepThroughInterrupts(pause);
            pause = Math.min(pause * 2, config.maxOutageBackoff().toMillis());
        } while (!databaseReachable.getAsBoolean());
        return interrupted;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /** Sleeps the whole pause, an interruption or not; says whether there was one (restored when the step ends). */
    private static boolean sleepThroughInterrupts(long millis) {
        boolean interrupted = false;
        long until = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; left > 0; left = (until - System.nanoTime()) / 1_000_000) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
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
