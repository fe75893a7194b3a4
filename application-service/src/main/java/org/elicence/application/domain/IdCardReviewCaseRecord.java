package org.elicence.application.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.elicence.messaging.events.IdCardReviewCaseOpened;
import org.elicence.messaging.events.RuleCheck;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An ID-card review case as idcard-service opened and closed it on {@code idcard-review-cases}, for staff's record.
 * The case is idcard-service's; this is what this service heard of it, without the images.
 */
@Entity
@Table(name = "id_card_review_case")
public class IdCardReviewCaseRecord extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /**
     * {@code PENDING}, {@code APPROVED}, {@code REJECTED}, {@code WITHDRAWN} (its application was withdrawn) or
     * {@code SUPERSEDED} (its application was settled on a photo).
     */
    @Column(nullable = false)
    public String status;

    @Column(name = "upload_reason")
    public String uploadReason;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "front_upload_id")
    public UUID frontUploadId;

    @Column(name = "back_upload_id")
    public UUID backUploadId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "front_checks", columnDefinition = "jsonb")
    public List<RuleCheck> frontChecks;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "back_checks", columnDefinition = "jsonb")
    public List<RuleCheck> backChecks;

    @Column(name = "decision_id")
    public String decisionId;

    @Column(name = "reviewer_id")
    public String reviewerId;

    public String reason;

    /** The reviewer's reason in English, when the decision gave one (V16). */
    @Column(name = "reason_en")
    public String reasonEn;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Records the case's opening. */
    public void opened(IdCardReviewCaseOpened event) {
        if (status == null) {
            status = event.status();
        }
        uploadReason = event.uploadReason();
        openedAt = event.openedAt();
        frontUploadId = uuid(event.frontUploadId());
        backUploadId = uuid(event.backUploadId());
        frontChecks = event.frontChecks();
        backChecks = event.backChecks();
    }

    /** Records the case's closing. */
    public void closed(IdCardReviewCaseClosed event) {
        status = event.status();
        decisionId = event.decisionId();
        reviewerId = event.reviewerId();
        reason = event.reason();
        reasonEn = event.reasonEn();
        closedAt = event.closedAt();
    }

    /** Oldest first, as the photo review cases. */
    public static List<IdCardReviewCaseRecord> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by openedAt", applicationId);
    }

    /**
     * The case's row, new (of {@code applicationId}) if this is the first event heard of it (its events may come in
     * either order); an existing row keeps the application it was first heard for.
     */
    public static IdCardReviewCaseRecord of(UUID applicationId, String caseId) {
        UUID id = UUID.fromString(caseId);
        return IdCardReviewCaseRecord.<IdCardReviewCaseRecord>findByIdOptional(id).orElseGet(() -> {
            IdCardReviewCaseRecord c = new IdCardReviewCaseRecord();
            c.caseId = id;
            c.applicationId = applicationId;
            c.status = IdCardReviewCaseOpened.PENDING;
            c.persist();
            return c;
        });
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
