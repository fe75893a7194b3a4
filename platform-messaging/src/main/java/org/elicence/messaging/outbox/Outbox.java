package org.elicence.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.TraceContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Records an event in the caller's transaction. Nothing reaches Kafka unless that transaction commits,
 * and everything it commits reaches Kafka (see {@link OutboxRelay}). An event that violates its
 * schema is a programming error and fails the caller's transaction.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper objectMapper;
    private final Event<OutboxWritten> written;

    @Inject
    public Outbox(ObjectMapper objectMapper, Event<OutboxWritten> written) {
        this.objectMapper = objectMapper;
        this.written = written;
    }

    /** @return the event id, which is also its CloudEvents {@code ce_id}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String applicationId, Object payload) {
        EventType type = EventType.forPayload(payload.getClass())
                .orElseThrow(() -> new IllegalArgumentException("not a catalogued event: " + payload.getClass()));
        JsonNode data = objectMapper.valueToTree(payload);
        EventSchemas.requireValid(type, data);

        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.randomUUID();
        message.topic = type.topic();
        message.messageKey = applicationId;
        message.eventType = type.type();
        message.payload = data.toString();
        message.createdAt = Instant.now();
        TraceContext.current().ifPresent(trace -> {
            message.traceParent = trace.traceParent();
            message.traceState = trace.traceState();
        });
        message.persist();
        written.fire(new OutboxWritten(type.type()));
        return message.eventId;
    }
}
