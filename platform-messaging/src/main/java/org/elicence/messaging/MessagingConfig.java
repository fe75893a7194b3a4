package org.elicence.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reliable-messaging settings shared by every service; defaults suit a single small node. */
@ConfigMapping(prefix = "messaging")
public interface MessagingConfig {

    /** The CloudEvents {@code source} of everything this service publishes. */
    @WithDefault("${quarkus.application.name}")
    String source();

    /**
     * Heap that payloads in flight (uploads at intake, outbox batches) may take together; see
     * {@link org.elicence.messaging.memory.PayloadMemoryBudget}.
     */
    @WithDefault("64M")
    io.quarkus.runtime.configuration.MemorySize payloadMemoryBudget();

    Outbox outbox();

    Consumer consumer();

    Operators operators();

    interface Operators {
        /**
         * The CA certificate (PEM) that issues the operators' Kafka client certificates; a command is obeyed only
         * if signed with the key of a certificate it issued (OperatorSignature). Unset: no command is obeyed.
         */
        java.util.Optional<String> trust();

        /**
         * The operators who may order this service to handle one of its dead letters again (DeadLetterReplays); they
         * sign the order with their certificate as reviewers sign decisions.
         */
        @WithDefault("platform-operator")
        java.util.Set<String> deadLetterReplayers();
    }

    interface Outbox {
        /** Rows published per relay transaction. */
        @WithDefault("100")
        int batchSize();

        /**
         * Payload bytes read per relay transaction (a row above it goes alone): rows can carry images of
         * several MB, and a batch of them must fit in a small heap.
         */
        @WithDefault("16777216")
        long batchMaxBytes();

        /** How often the relay sweeps for rows a commit-time trigger missed (crash, broker outage). */
        @WithDefault("1s")
        Duration sweepInterval();

        /** How long the relay waits for the broker's acknowledgements before it retries the batch. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** Published rows (they can hold photos) are deleted after this long. */
        @WithDefault("PT1H")
        Duration publishedRetention();

        /**
         * Rows the broker refused for good (too large for it: OutboxRelay) are deleted after this long, as long as
         * a dead letter is kept on its topic.
         */
        @WithDefault("P30D")
        Duration refusedRetention();
    }

    interface Consumer {
        /** Attempts at an event's effect before it is dead-lettered. */
        @WithDefault("3")
        int maxAttempts();

        /**
         * Deliveries of one event that may each end with the service stopping (a crash, the JVM leaving on
         * OutOfMemoryError, a kill for a hung handler) before the next delivery dead-letters it instead of handling
         * it again ({@link org.elicence.messaging.inbox.UnfinishedDeliveries}). Above 1: a service killed by its
         * platform (a node drained, a deployment rolled) while handling an event is no sign of poison.
         */
        @WithDefault("3")
        int maxUnfinishedDeliveries();

        /** Pause between attempts, doubled after each. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /**
         * The longest pause while the database cannot be written ({@link org.elicence.messaging.inbox.BoundedRetry}):
         * a step that failed then waits, without running, until the database answers, asked every this long at most.
         */
        @WithDefault("5s")
        Duration maxOutageBackoff();

        /**
         * Processed-event ids are kept this long for de-duplication: longer than any record can be read again from its
         * topic (30 days' retention at most, deploy/topics.conf, and Kafka deletes a record only with its whole
         * segment, rolled every 7 days by default), so a replay of a topic from its start skips what was handled.
         * Until 2026-12-05 it was 30 days, and a replay could apply a month-old SUSPEND again.
         */
        @WithDefault("P45D")
        Duration processedRetention();

        /**
         * A record in its handler this long, or a consumer that has not polled for this long, makes the
         * service's liveness DOWN (ConsumerStallHealthCheck). Far above any legitimate handling, retries included.
         */
        @WithDefault("5m")
        Duration stallTimeout();
    }
}
