package org.elicence.application.domain;

import org.elicence.messaging.staff.ReviewDecisionRow;
import org.elicence.messaging.staff.StaffRecord;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A decision record as read from {@code photo-review-decisions}, and whether it was accepted or why not. */
@Entity
@Table(name = "photo_review_decision")
public class PhotoReviewDecisionRecord extends ReviewDecisionRow {

    public static PhotoReviewDecisionRecord of(StaffRecord record, String reviewer) {
        PhotoReviewDecisionRecord row = new PhotoReviewDecisionRecord();
        row.fill(record, reviewer);
        return row;
    }
}
