package org.elicence.application.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.RuleCheck;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.LazyGroup;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A staff review of one audited photo (docs/operator-runbook.md, "Photo review"). Images are personal data. */
@Entity
@Table(name = "photo_review_case")
public class PhotoReviewCase extends PanacheEntityBase {

    public enum Status {
        PENDING, APPROVED, REJECTED
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "photo_id", nullable = false)
    public UUID photoId;

    /** {@code NOT_ASSESSABLE} or {@code APPLICANT_REQUEST}. */
    @Column(nullable = false)
    public String trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<RuleCheck> checks;

    // Lazy, each in a group of its own: the applicant's view reads the latest case at every poll and needs neither
    // image (each some 100 KB of base64 text); staff's record reads the annotated one, an approval the portrait.
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("annotated")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public EncodedImage annotated;

    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("portrait")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public EncodedImage portrait;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_id")
    public String decisionId;

    @Column(name = "reviewer_id")
    public String reviewerId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> rules;

    public String reason;

    @Column(name = "reason_en")
    public String reasonEn;

    public String code;

    public static Optional<PhotoReviewCase> pending(UUID applicationId) {
        return find("applicationId = ?1 and status = ?2", applicationId, Status.PENDING).firstResultOptional();
    }

    public static Optional<PhotoReviewCase> latest(UUID applicationId) {
        return find("applicationId = ?1 order by openedAt desc", applicationId).firstResultOptional();
    }
}
