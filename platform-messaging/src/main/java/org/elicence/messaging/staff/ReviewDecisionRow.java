package org.elicence.messaging.staff;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A reviewer's decision record as read from a decisions topic (ID-card or photo review), and whether it was
 * accepted or why not: what staff see of it in the applicant's record. Each service keeps its rows in a table of
 * its own (an {@code @Entity} subclass naming it), but fills and refuses them here, the same way.
 */
@MappedSuperclass
public abstract class ReviewDecisionRow extends PanacheEntityBase {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REFUSED = "REFUSED";

    /**
     * The key the record was handled under ({@link StaffRecord#claimedKey}): its decisionId once it passed the checks
     * of signature, reviewer and schema, else {@code partition/offset} (also for a decision refused because another
     * one used its decisionId first).
     */
    @Id
    @Column(name = "decision_key")
    public String decisionKey;

    @Column(name = "decision_id")
    public String decisionId;

    @Column(name = "case_id")
    public String caseId;

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "reviewer_id")
    public String reviewerId;

    public String decision;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "refusal_code")
    public String refusalCode;

    @Column(name = "refusal_reason")
    public String refusalReason;

    @Column(name = "received_value", nullable = false)
    public String receivedValue;

    @Column(name = "source_partition", nullable = false)
    public int sourcePartition;

    @Column(name = "source_offset", nullable = false)
    public long sourceOffset;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /**
     * The decision as received (fields and value cut as {@link StaffRecord} cuts them, so even a malformed record is
     * kept);
     * the reviewer is the signer when there is one, else the id as typed. Not yet persisted.
     */
    protected void fill(StaffRecord record, String reviewer) {
        decisionKey = record.claimedKey();
        decisionId = record.text("decisionId");
        caseId = record.text("caseId");
        reviewerId = reviewer != null ? reviewer : record.text("reviewerId");
        decision = record.text("decision");
        receivedValue = record.keptValue();
        sourcePartition = record.partition();
        sourceOffset = record.offset();
        receivedAt = Instant.now();
    }

    /** Persists the row as accepted. */
    public void accept(UUID application) {
        applicationId = application;
        outcome = ACCEPTED;
        persist();
    }

    /** Persists the row as refused; {@code application} is null when the decision names no known case. */
    public void refuse(UUID application, Refusal refusal) {
        applicationId = application;
        outcome = REFUSED;
        refusalCode = refusal.code();
        refusalReason = refusal.reason();
        persist();
    }

    /** The key of the refusal event: the application's id, so it is ordered with the case's other events. */
    public String rejectionKey() {
        return applicationId != null ? applicationId.toString() : caseId != null ? caseId : decisionKey;
    }
}
