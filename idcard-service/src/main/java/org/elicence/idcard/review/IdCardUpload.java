package org.elicence.idcard.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.elicence.messaging.events.IdCardSide;
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

/**
 * One uploaded side and, once photo-audit-service has read it, its automatic checks: {@code verdict}, {@code checks}
 * and {@code checkedAt} are null until then. Images are personal data: never logged.
 */
@Entity
@Table(name = "id_card_upload")
public class IdCardUpload extends PanacheEntityBase {

    @Id
    @Column(name = "upload_id")
    public UUID uploadId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /** The uploader's resident ID number (application-service takes uploads from the applicant's own token only). */
    @Column(name = "uploader_id")
    public String uploaderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdCardSide side;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] image;

    // lazy, as the upload itself: the operator's record and the readings' lookups load an application's uploads
    // without their images, which a staff case and the approval read one pair at a time; in a group of their own,
    // so that reading them does not load the original upload (up to 10 MiB) with them, as one default group would
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("derived")
    @Column(name = "rectified_card")
    public byte[] rectifiedCard;

    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("derived")
    public byte[] portrait;

    @Column(name = "perceptual_hash")
    public Long perceptualHash;

    public String verdict;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<RuleCheck> checks;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "checked_at")
    public Instant checkedAt;

    /** Set when {@code ImageRetention} deleted the images: a reading that comes after keeps none either. */
    @Column(name = "images_deleted_at")
    public Instant imagesDeletedAt;

    public boolean passed() {
        return RuleCheck.PASS.equals(verdict);
    }

    public boolean read() {
        return verdict != null;
    }

    /**
     * The reading of this side: its checks, the verdict they give, and what it produced. The images are not kept
     * once the retention deleted the upload's (a reading that arrives that late).
     */
    public void recordReading(List<RuleCheck> readChecks, byte[] rectified, byte[] cutPortrait, Long hash,
            Instant at) {
        checks = List.copyOf(readChecks);
        verdict = checks.stream().anyMatch(RuleCheck::failed) ? RuleCheck.FAIL : RuleCheck.PASS;
        rectifiedCard = imagesDeletedAt == null ? rectified : null;
        portrait = imagesDeletedAt == null ? cutPortrait : null;
        perceptualHash = hash;
        checkedAt = at;
    }

    /** The side the applicant uploaded last, read or not: a new upload of a side replaces the earlier one. */
    public static Optional<IdCardUpload> latest(UUID applicationId, IdCardSide side) {
        return find("applicationId = ?1 and side = ?2 order by uploadedAt desc, uploadId", applicationId, side)
                .<IdCardUpload>firstResultOptional();
    }

    /** The latest upload of a side whose reading found a card (it has a perceptual hash), for ID15. */
    public static Optional<IdCardUpload> latestWithHash(UUID applicationId, IdCardSide side) {
        return find("applicationId = ?1 and side = ?2 and perceptualHash is not null order by uploadedAt desc, uploadId",
                applicationId, side).<IdCardUpload>firstResultOptional();
    }

    public static List<IdCardUpload> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by uploadedAt, uploadId", applicationId);
    }
}
