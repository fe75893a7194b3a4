package org.elicence.licence.service;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An approval read before its application's {@code application.created}, kept as the typed event it was
 * (V13__approval_awaiting_application.sql): waiting until the creation has been read, or refused.
 */
@Entity
@Table(name = "approval_awaiting_application")
@DynamicUpdate // an attempt counted or a refusal rewrites those columns, not the payload and its portrait
public class AwaitingApproval extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /** The event's {@code ce_type}: what {@link #payload} is. */
    @Column(name = "event_type", nullable = false)
    public String eventType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode payload;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Handlings begun since its application was created (counted before each begins). */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "refused_at")
    public Instant refusedAt;

    /** Why it was refused: the poison's reason or the last failure's kind, nothing of the approval's content. */
    public String refusal;

    /**
     * Refused for what it says (poison): it holds nothing up. Refused for failing, it holds its application's later
     * events until an operator tries it again or discards it.
     */
    @Column(name = "refused_for_content", nullable = false)
    public boolean refusedForContent;

    /** HQL: the kept events of application {@code ?1} that hold later ones (waiting, or refused for failing). */
    static final String HOLDING = "applicationId = ?1 and (refusedAt is null or refusedForContent = false)";

    static AwaitingApproval of(UUID applicationId, String eventType, JsonNode payload, Instant receivedAt) {
        AwaitingApproval kept = new AwaitingApproval();
        kept.applicationId = applicationId;
        kept.eventType = eventType;
        kept.payload = payload;
        kept.receivedAt = receivedAt;
        return kept;
    }

    boolean refused() {
        return refusedAt != null;
    }

    void refuse(String reason, boolean forContent, Instant at) {
        refusedAt = at;
        refusal = reason;
        refusedForContent = forContent;
    }

    /** Which kept approval to handle next, and whose it is (for the log context). */
    public record Ready(long id, UUID applicationId) {
    }
}
