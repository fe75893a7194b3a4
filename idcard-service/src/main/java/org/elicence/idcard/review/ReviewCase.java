package org.elicence.idcard.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.elicence.messaging.events.IdCardSide;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/** A staff review of an application's uploaded ID card. */
@Entity
@Table(name = "review_case")
public class ReviewCase extends PanacheEntityBase {

    public enum Status {
        PENDING, APPROVED, REJECTED,
        /** Closed undecided: application-service withdrew the application while the case was pending. */
        WITHDRAWN,
        /** Closed undecided: application-service settled the application on a photo while the case was pending. */
        SUPERSEDED
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /** The resident ID number the case is about: personal data, never logged. */
    @Column(name = "applicant_id", nullable = false, columnDefinition = "bpchar(18)")
    public String applicantId;

    @Column(name = "front_upload_id", nullable = false)
    public UUID frontUploadId;

    @Column(name = "back_upload_id", nullable = false)
    public UUID backUploadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_id")
    public String decisionId;

    /** A pending or approved case leaves nothing to open; a rejected one lets the applicant try again. */
    public static boolean liveCaseExists(UUID applicationId) {
        return count("applicationId = ?1 and status in ?2", applicationId, List.of(Status.PENDING, Status.APPROVED))
                > 0;
    }

    /** When staff last rejected the application's card, if they did. */
    public static Optional<Instant> lastRejectedAt(UUID applicationId) {
        return find("applicationId = ?1 and status = ?2 order by decidedAt desc", applicationId, Status.REJECTED)
                .<ReviewCase>firstResultOptional().map(rejected -> rejected.decidedAt);
    }

    /** Whether the case's front and back are still the application's latest uploads of their sides. */
    public boolean showsTheLatestSides() {
        return IdCardUpload.latest(applicationId, IdCardSide.FRONT).map(upload -> upload.uploadId)
                .filter(frontUploadId::equals).isPresent()
                && IdCardUpload.latest(applicationId, IdCardSide.BACK).map(upload -> upload.uploadId)
                        .filter(backUploadId::equals).isPresent();
    }

    public static List<ReviewCase> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by openedAt", applicationId);
    }

    /** Locks the application's pending cases for share: a decision on one waits, or is waited for. */
    public static void lockPendingOfApplicationShared(UUID applicationId) {
        find("applicationId = ?1 and status = ?2", applicationId, Status.PENDING)
                .withLock(LockModeType.PESSIMISTIC_READ).list();
    }

    /**
     * The application's pending cases, locked as a decision locks its case: one being decided is waited for and then,
     * no longer pending, left out (PostgreSQL re-checks the condition on the row the decision committed).
     */
    public static List<ReviewCase> pendingOfApplicationForUpdate(UUID applicationId) {
        return find("applicationId = ?1 and status = ?2 order by openedAt", applicationId, Status.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
