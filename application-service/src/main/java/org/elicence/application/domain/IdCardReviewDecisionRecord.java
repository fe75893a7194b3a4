package org.elicence.application.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.elicence.messaging.events.IdCardReviewDecisionRejected;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A decision on an ID-card review case, for staff's record: the one idcard-service accepted (from the case's closing)
 * or one it refused ({@code idcard-review-decisions-rejected}) and why. The inbox de-duplicates the events, so each
 * decision is one row.
 */
@Entity
@Table(name = "id_card_review_decision")
public class IdCardReviewDecisionRecord extends PanacheEntityBase {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REFUSED = "REFUSED";

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "case_id")
    public String caseId;

    @Column(name = "decision_id")
    public String decisionId;

    @Column(name = "reviewer_id")
    public String reviewerId;

    @Column(nullable = false)
    public String outcome;

    /** {@code APPROVED} or {@code REJECTED}, for an accepted decision. */
    public String result;

    @Column(name = "refusal_code")
    public String refusalCode;

    @Column(name = "refusal_reason")
    public String refusalReason;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static void accepted(UUID applicationId, IdCardReviewCaseClosed event) {
        IdCardReviewDecisionRecord d = of(applicationId, event.caseId(), event.decisionId(), event.reviewerId(),
                event.closedAt());
        d.outcome = ACCEPTED;
        d.result = event.status();
        d.persist();
    }

    public static void refused(UUID applicationId, IdCardReviewDecisionRejected event) {
        IdCardReviewDecisionRecord d = of(applicationId, event.caseId(), event.decisionId(), event.reviewerId(),
                event.rejectedAt());
        d.outcome = REFUSED;
        d.refusalCode = event.code();
        d.refusalReason = event.reason();
        d.persist();
    }

    /** In the order idcard-service read them. */
    public static List<IdCardReviewDecisionRecord> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by receivedAt", applicationId);
    }

    private static IdCardReviewDecisionRecord of(UUID applicationId, String caseId, String decisionId,
            String reviewerId, Instant at) {
        IdCardReviewDecisionRecord d = new IdCardReviewDecisionRecord();
        d.id = UUID.randomUUID();
        d.applicationId = applicationId;
        d.caseId = caseId;
        d.decisionId = decisionId;
        d.reviewerId = reviewerId;
        d.receivedAt = at != null ? at : Instant.now();
        return d;
    }
}
