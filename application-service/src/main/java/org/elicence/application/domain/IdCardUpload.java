package org.elicence.application.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.elicence.messaging.events.IdCardSideChecked;
import org.elicence.messaging.events.RuleCheck;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One uploaded ID-card side, for staff's record: when this service received it and what idcard-service's automatic
 * checks said of it ({@code idcard.side-checked}). No image: the card's images are idcard-service's.
 */
@Entity
@Table(name = "id_card_upload")
public class IdCardUpload extends PanacheEntityBase {

    @Id
    @Column(name = "upload_id")
    public UUID uploadId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /** {@code FRONT} or {@code BACK}. */
    @Column(nullable = false)
    public String side;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    public String verdict;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<RuleCheck> checks;

    @Column(name = "checked_at")
    public Instant checkedAt;

    /** The applicant's upload as this service received it, before any check. */
    public static void received(UUID applicationId, UUID uploadId, String side, Instant at) {
        IdCardUpload upload = new IdCardUpload();
        upload.uploadId = uploadId;
        upload.applicationId = applicationId;
        upload.side = side;
        upload.uploadedAt = at;
        upload.persist();
    }

    /** The checks of an upload; an upload received before this record was kept gets its row here. */
    public static void checked(UUID applicationId, IdCardSideChecked event) {
        UUID uploadId = UUID.fromString(event.uploadId());
        IdCardUpload upload = IdCardUpload.<IdCardUpload>findByIdOptional(uploadId).orElse(null);
        if (upload == null) {
            upload = new IdCardUpload();
            upload.uploadId = uploadId;
            upload.applicationId = applicationId;
            upload.side = event.side().name();
            upload.persist();
        }
        upload.verdict = event.verdict();
        upload.checks = event.checks();
        upload.checkedAt = Instant.now();
    }

    /** Newest first (by upload, else by check). */
    public static List<IdCardUpload> ofApplication(UUID applicationId) {
        return IdCardUpload.<IdCardUpload>list("applicationId", applicationId).stream()
                .sorted(Comparator.comparing(IdCardUpload::time, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private Instant time() {
        return uploadedAt != null ? uploadedAt : checkedAt;
    }
}
