package org.elicence.idcard.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.RuleCheck;
import org.hibernate.annotations.JdbcTypeCode;
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

/** One uploaded side and its automatic checks. Images are personal data: never logged. */
@Entity
@Table(name = "id_card_upload")
public class IdCardUpload extends PanacheEntityBase {

    @Id
    @Column(name = "upload_id")
    public UUID uploadId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdCardSide side;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] image;

    @Column(name = "rectified_card")
    public byte[] rectifiedCard;

    public byte[] portrait;

    @Column(name = "perceptual_hash")
    public Long perceptualHash;

    @Column(nullable = false)
    public String verdict;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<RuleCheck> checks;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    public boolean passed() {
        return RuleCheck.PASS.equals(verdict);
    }

    /** The side the applicant uploaded last: a new upload of a side replaces the earlier one. */
    public static Optional<IdCardUpload> latest(UUID applicationId, IdCardSide side) {
        return find("applicationId = ?1 and side = ?2 order by checkedAt desc", applicationId, side)
                .<IdCardUpload>firstResultOptional();
    }

    public static List<IdCardUpload> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by checkedAt", applicationId);
    }
}
