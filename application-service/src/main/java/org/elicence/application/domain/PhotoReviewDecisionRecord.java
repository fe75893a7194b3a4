package org.elicence.application.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A decision record as read from {@code photo-review-decisions}, and whether it was accepted or why not. */
@Entity
@Table(name = "photo_review_decision")
public class PhotoReviewDecisionRecord extends PanacheEntityBase {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REFUSED = "REFUSED";

    /** The decisionId, or {@code partition/offset} for a record without a usable one. */
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
}
