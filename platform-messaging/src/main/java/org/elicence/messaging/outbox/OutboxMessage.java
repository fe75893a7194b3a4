package org.elicence.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event waiting for (or kept after) publication, or refused by the broker for good. Dynamic update: marking a
 * row published writes only {@code published_at}; a full update would send an image-sized payload back to the
 * database for nothing.
 */
@Entity
@Table(name = "outbox_message")
@DynamicUpdate
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** W3C trace context of the transaction that wrote the row; null when none was active. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "trace_state")
    public String traceState;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** When the broker refused the row for good (too large); the relay no longer sends it. */
    @Column(name = "refused_at")
    public Instant refusedAt;

    /** Why: the Kafka client's error, without the payload. */
    @Column(length = 500)
    public String refusal;
}
