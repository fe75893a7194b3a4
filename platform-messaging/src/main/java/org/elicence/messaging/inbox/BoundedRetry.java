package org.elicence.messaging.inbox;

import java.util.function.BiFunction;

import org.elicence.messaging.MessagingConfig;
import org.jboss.logging.Logger;

/**
 * A consumer's step run again after a failure that may pass (a lock or statement timeout, a serialization failure),
 * with a doubling pause, until it succeeds or {@code messaging.consumer.max-attempts} are used; then the record is
 * dead-lettered with the exception {@code exhausted} makes. Poison ({@link PoisonEventException}) is thrown at once:
 * it would fail the same way every time. A database that cannot be reached ({@link DatabaseUnreachable}: a restart,
 * a failover, the network) uses up no attempt: it says nothing of the record, and every record read during an outage
 * used to be dead-lettered within a second or two, each application then waiting for the held sweep. The step is
 * tried again, the pause doubling up to {@code messaging.consumer.max-outage-backoff}, for as long as the outage
 * lasts; the partition waits, and the stall check (liveness) restarts a service it holds past
 * {@code messaging.consumer.stall-timeout}. A record that itself breaks the connection each time is still bounded:
 * each restart counts an unfinished delivery ({@link UnfinishedDeliveries}). Events (InboundEventProcessor) and
 * operators' commands (OperatorCommands) are retried by this one rule.
 */
public final class BoundedRetry {

    private static final Logger LOG = Logger.getLogger(BoundedRetry.class);

    private BoundedRetry() {
    }

    /**
     * @param what names the record in the log (ids, never its content)
     * @param exhausted the dead-letter exception, from the attempts made and the last failure
     */
    public static void run(MessagingConfig.Consumer config, String consumer, String what, Runnable step,
            BiFunction<Integer, RuntimeException, RuntimeException> exhausted) {
        long backoff = config.retryBackoff().toMillis();
        long outageBackoff = config.retryBackoff().toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                step.run();
                return;
            } catch (PoisonEventException poison) {
                throw poison;
            } catch (RuntimeException e) {
                if (DatabaseUnreachable.causes(e)) {
                    LOG.warnf("%s: %s waits for the database (%s), trying again in %d ms", consumer, what,
                            DatabaseUnreachable.describe(e), outageBackoff);
                    sleep(outageBackoff);
                    outageBackoff = Math.min(outageBackoff * 2, config.maxOutageBackoff().toMillis());
                    attempt--; // no attempt used: the outage says nothing of the record
                    continue;
                }
                if (attempt >= config.maxAttempts()) {
                    LOG.errorf("%s: %s failed %d times, dead-lettering it: %s", consumer, what, attempt, e.toString());
                    throw exhausted.apply(attempt, e);
                }
                LOG.warnf("%s: %s failed (attempt %d), retrying: %s", consumer, what, attempt, e.toString());
                sleep(backoff);
                backoff *= 2;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
