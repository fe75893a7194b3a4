package org.elicence.messaging.inbox;

import java.util.function.BiFunction;

import org.elicence.messaging.MessagingConfig;
import org.jboss.logging.Logger;

/**
 * A consumer's step run again after a failure that may pass (the database restarting, a lock or statement timeout),
 * with a doubling pause, until it succeeds or {@code messaging.consumer.max-attempts} are used; then the record is
 * dead-lettered with the exception {@code exhausted} makes. Poison ({@link PoisonEventException}) is thrown at once:
 * it would fail the same way every time. Events (InboundEventProcessor) and operators' commands (OperatorCommands)
 * are retried by this one rule.
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
        for (int attempt = 1;; attempt++) {
            try {
                step.run();
                return;
            } catch (PoisonEventException poison) {
                throw poison;
            } catch (RuntimeException e) {
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
