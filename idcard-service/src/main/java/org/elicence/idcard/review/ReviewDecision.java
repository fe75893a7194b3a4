package org.elicence.idcard.review;

import java.util.List;
import java.util.UUID;

import org.elicence.messaging.events.IdCardReviewDecision;
import org.elicence.messaging.staff.ReviewDecisionRow;
import org.elicence.messaging.staff.StaffRecord;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An ID-card review decision record as read from {@code idcard-review-decisions}, and whether it was accepted or
 * why not; it keeps the reviewer's words too, which the operators' record shows.
 */
@Entity
@Table(name = "review_decision")
public class ReviewDecision extends ReviewDecisionRow {

    public String reason;

    @Column(name = "reason_en")
    public String reasonEn;

    static ReviewDecision of(StaffRecord record, String reviewer) {
        ReviewDecision row = new ReviewDecision();
        row.fill(record, reviewer);
        row.reason = record.text("reason");
        row.reasonEn = record.text("reasonEn");
        return row;
    }

    /**
     * The record of a decision that was applied: the reviewer's words as the applicant got them, bounded by the
     * decision's schema (500 characters), not cut to the 200 every field of a refused record is cut to.
     */
    static ReviewDecision applied(IdCardReviewDecision decision, StaffRecord record, String reviewer) {
        ReviewDecision row = of(record, reviewer);
        row.reason = decision.reason();
        row.reasonEn = decision.reasonEn();
        return row;
    }

    public static List<ReviewDecision> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by receivedAt", applicationId);
    }
}
