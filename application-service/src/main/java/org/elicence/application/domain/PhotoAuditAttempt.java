package org.elicence.application.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.elicence.messaging.events.PhotoAudited;
import org.elicence.messaging.events.RuleCheck;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One audit of one photo of an application, as photo-audit-service reported it. */
@Entity
@Table(name = "photo_audit_attempt")
public class PhotoAuditAttempt extends PanacheEntityBase {

    @Id
    @Column(name = "photo_id")
    public UUID photoId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String verdict;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<RuleCheck> checks;

    @Column(name = "audited_at", nullable = false)
    public Instant auditedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Records a photo's audit, once: the caller has made sure the photo has none yet (its first verdict stands). */
    public static PhotoAuditAttempt record(UUID applicationId, PhotoAudited event) {
        PhotoAuditAttempt attempt = new PhotoAuditAttempt();
        attempt.photoId = UUID.fromString(event.photoId());
        attempt.applicationId = applicationId;
        attempt.source = event.source().name();
        attempt.verdict = event.verdict();
        attempt.checks = event.checks();
        attempt.auditedAt = event.auditedAt();
        attempt.receivedAt = Instant.now();
        attempt.persist();
        return attempt;
    }

    public boolean passed() {
        return PhotoAudited.PASS.equals(verdict);
    }

    /** Newest first. */
    public static List<PhotoAuditAttempt> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by auditedAt desc, receivedAt desc", applicationId);
    }

    public static long failedCount(UUID applicationId) {
        return count("applicationId = ?1 and verdict = ?2", applicationId, PhotoAudited.FAIL);
    }
}
