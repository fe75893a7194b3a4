package org.elicence.application.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The applicant's view of one application. JSON columns hold what the other services reported
 * (the audit, the licence, a notice) in the shape the mobile API returns.
 */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "applicant_id", nullable = false)
    public String applicantId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "next_action", nullable = false)
    public NextAction nextAction;

    @Column(name = "current_photo_id")
    public UUID currentPhotoId;

    /** JSON of {@link org.elicence.application.rest.PhotoAuditView}'s source: the last audit result. */
    @Column(name = "photo_audit", columnDefinition = "text")
    public String photoAudit;

    /** JSON {@code {"code":..., "message":{"zh-CN":..., "en":...}}}: why the application is where it is. */
    @Column(columnDefinition = "text")
    public String notice;

    @Column(name = "id_card_front")
    public String idCardFront;

    @Column(name = "id_card_back")
    public String idCardBack;

    /** JSON of the issued licence, as the licence issuer published it. */
    @Column(columnDefinition = "text")
    public String licence;

    /** The licence's QR code (PNG) as the issuer rendered it; it encodes the JWS credential. */
    @Column(name = "licence_qr")
    public byte[] licenceQr;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Records a side's upload or check outcome and what the applicant must do about it. */
    public void recordIdCardSide(boolean front, String outcome) {
        if (front) {
            idCardFront = outcome;
        } else {
            idCardBack = outcome;
        }
        nextAction = nextActionFor(status);
        updatedAt = Instant.now();
    }

    /** While ID-card images are being checked, a side that is still missing must be asked for. */
    private NextAction nextActionFor(ApplicationStatus next) {
        if (next == ApplicationStatus.ID_CARD_CHECKING && (idCardFront == null || idCardBack == null)) {
            return NextAction.UPLOAD_ID_CARD;
        }
        return next.nextAction();
    }

    public static Optional<Application> findOwned(UUID id, String applicantId) {
        return Application.<Application>find("id = ?1 and applicantId = ?2", id, applicantId).firstResultOptional();
    }

    public static Optional<Application> findByIdempotencyKey(String applicantId, String key) {
        return Application.<Application>find("applicantId = ?1 and idempotencyKey = ?2", applicantId, key)
                .firstResultOptional();
    }

    public void moveTo(ApplicationStatus next) {
        status = next;
        nextAction = nextActionFor(next);
        updatedAt = Instant.now();
        if (next.isFinal() && closedAt == null) {
            closedAt = updatedAt;
        }
    }
}
