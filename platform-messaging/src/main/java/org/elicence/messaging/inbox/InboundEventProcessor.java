package org.elicence.messaging.inbox;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.messaging.LogContext;
import org.elicence.messaging.MessagingConfig;
import org.elicence.messaging.TraceContext;
import org.elicence.messaging.events.KeyedByApplication;
import org.elicence.messaging.persistence.TransactionLock;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Runs a consumer's handler for a Kafka record exactly once in effect: the handler's writes and the
 * record of the event id commit in one transaction, so a redelivery finds the id and does nothing.
 * Transient failures are retried a bounded number of times; poison and exhausted events are thrown
 * to the connector, whose dead-letter-queue failure strategy moves them aside and lets the partition
 * go on. So is an event whose earlier deliveries each ended with the service itself
 * ({@link UnfinishedDeliveries}): a record that crashes the process is not handled for ever.
 */
@ApplicationScoped
public class InboundEventProcessor {

    private static final Logger LOG = Logger.getLogger(InboundEventProcessor.class);
    /**
     * One delivery at a time per consumer and record key (an application's events): a channel hands its records over
     * one by one in partition order, but an operator's replay of a dead letter (DeadLetterReplays) runs beside it,
     * maybe on another instance; handlers that read, then write, must not see the two interleave.
     */
    private static final TransactionLock ONE_AT_A_TIME_PER_KEY = new TransactionLock(0x494e4258); // "INBX"
    private static final String MARK_PROCESSED_SQL = "INSERT INTO processed_event (consumer, event_id) "
            + "VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING";

    private final InboundEventParser parser;
    private final ObjectMapper objectMapper;
    private final EntityManager entityManager;
    private final MessagingConfig config;
    private final InFlightRecords inFlight;
    private final UnfinishedDeliveries unfinished;
    private final DatabaseProbe database;

    @Inject
    public InboundEventProcessor(ObjectMapper objectMapper, EntityManager entityManager, MessagingConfig config,
            InFlightRecords inFlight, UnfinishedDeliveries unfinished, DatabaseProbe database) {
        this.parser = new InboundEventParser(objectMapper);
        this.objectMapper = objectMapper;
        this.entityManager = entityManager;
        this.config = config;
        this.inFlight = inFlight;
        this.unfinished = unfinished;
        this.database = database;
    }

    public void process(String consumer, ConsumerRecord<String, String> record, EventRouter router) {
        try (InFlightRecords.Handling handling = inFlight.start(record); Scope trace = continueTrace(record);
                LogContext logContext = LogContext.forApplication(record.key())) {
            processInContext(consumer, record, router);
        }
    }

    /**
     * With tracing enabled the connector has already made its consumer span (a child of the record's
     * traceparent) current; without it, the record's context is made current here, so the events this
     * handler writes to the outbox carry the same trace id onwards.
     */
    private static Scope continueTrace(ConsumerRecord<String, String> record) {
        if (Span.current().getSpanContext().isValid()) {
            return Scope.noop();
        }
        return TraceContext.of(record.headers()).map(trace -> trace.asContext().makeCurrent()).orElse(Scope.noop());
    }

    private void processInContext(String consumer, ConsumerRecord<String, String> record, EventRouter router) {
        InboundEvent event = parser.parse(record);
        Optional<EventRouter.Route> route = router.routeFor(event.type());
        if (route.isEmpty()) {
            return;
        }
        Object payload = toPayload(event);
        if (payload instanceof KeyedByApplication about && !record.key().equals(about.applicationId())) {
            // ordered, locked and answered under another application's key: its partition's order and the per-key
            // lock would protect neither application
            throw new PoisonEventException("event " + event.id() + " (" + event.type().type() + ") is keyed by "
                    + "another id than its applicationId");
        }
        // the delivery begins once admitted: one that waits there has not begun, so a crash meanwhile is not its own
        AtomicBoolean delivered = new AtomicBoolean();
        route.get().admission().admit(payload, () -> {
            if (delivered.getAndSet(true)) {
                throw new IllegalStateException(consumer + ": an admission ran the delivery of " + event + " twice");
            }
            deliver(consumer, event, record.key(), route.get().handler(), payload);
        });
        if (!delivered.get()) {
            // its offset would be committed with nothing done: retried by the connector's failure strategy instead
            throw new IllegalStateException(consumer + ": the admission of " + event + " did not run its delivery");
        }
    }

    private void deliver(String consumer, InboundEvent event, String key, Consumer<Object> handler, Object payload) {
        retrying(consumer, event, () -> refuseWhatStoppedTheServiceBefore(consumer, event));
        try {
            retrying(consumer, event, () -> QuarkusTransaction.requiringNew().run(() -> {
                oneAtATime(consumer, key);
                if (markProcessed(consumer, event.id())) {
                    handler.accept(payload);
                } else {
                    LOG.debugf("%s: %s already processed, skipped", consumer, event);
                }
                unfinished.finish(consumer, event.id());
            }));
        } catch (RuntimeException | Error deadLettered) {
            // the delivery ended here, with the service still running: a replay of the dead letter starts its count
            // afresh (an Error, such as a native library that does not load, is not retried: it would not pass)
            unfinished.forget(consumer, event.id());
            throw deadLettered;
        }
    }

    /**
     * Counts this delivery before the handler runs; after {@code messaging.consumer.max-unfinished-deliveries}
     * deliveries that each ended with the process, the event is poison. Its reason names the event and the count,
     * nothing of its content.
     */
    private void refuseWhatStoppedTheServiceBefore(String consumer, InboundEvent event) {
        int unfinishedBefore = unfinished.begin(consumer, event.id());
        int limit = config.consumer().maxUnfinishedDeliveries();
        if (unfinishedBefore >= limit) {
            unfinished.forget(consumer, event.id());
            LOG.errorf("%s: %s was being handled when the service stopped, %d times: dead-lettering it", consumer,
                    event, unfinishedBefore);
            throw new PoisonEventException("event " + event.id() + " (" + event.type().type()
                    + ") was being handled when the service stopped, " + unfinishedBefore + " times");
        }
        if (unfinishedBefore > 0) {
            LOG.warnf("%s: %s was being handled when the service stopped, %d times (dead-lettered after %d)",
                    consumer, event, unfinishedBefore, limit);
        }
    }

    /** Runs {@code step}, again after a failure (not after poison), until it succeeds or the attempts run out. */
    private void retrying(String consumer, InboundEvent event, Runnable step) {
        BoundedRetry.run(config.consumer(), consumer, event.toString(), step, database::reachable,
                (attempts, failure) -> new EventProcessingFailedException(event, attempts, failure));
    }

    private void oneAtATime(String consumer, String key) {
        if (key != null) {
            ONE_AT_A_TIME_PER_KEY.hold(entityManager, consumer + "/" + key);
        }
    }

    private boolean markProcessed(String consumer, String eventId) {
        return entityManager.createNativeQuery(MARK_PROCESSED_SQL)
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate() == 1;
    }

    private Object toPayload(InboundEvent event) {
        try {
            return objectMapper.treeToValue(event.data(), event.type().payloadType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("event " + event.id() + " data does not map to "
                    + event.type().payloadType().getSimpleName());
        }
    }

    /** Thrown after the last attempt; its message becomes the dead letter's reason. */
    public static class EventProcessingFailedException extends RuntimeException {
        public EventProcessingFailedException(InboundEvent event, int attempts, Throwable cause) {
            super("event " + event.id() + " (" + event.type().type() + ") failed after " + attempts + " attempts: "
                    + cause.getClass().getSimpleName(), cause);
        }
    }
}
