package org.elicence.licence.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.elicence.licence.credential.status.CredentialReference;
import org.elicence.licence.credential.status.LicenceStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An issued e-licence: both signed representations and the register status verification reports. Rows are
 * inserted by {@link ELicenceStore} (the insert must lose quietly to a concurrent one); status changes go
 * through this entity. Status is never UNKNOWN here: that value is for verifiers without a register. A renewal
 * leaves the replaced row SUPERSEDED and adds a new one, so a licence has one row per credential it has had.
 */
@Entity
@Table(name = "e_licence")
public class ELicence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "licence_number", nullable = false)
    public String licenceNumber;

    /**
     * The application that caused the signing (a first issue, or the renewal of a credential about to lapse); null for
     * an authority's RENEW.
     */
    @Column(name = "application_id")
    public UUID applicationId;

    /** The e-licence this one replaced, for a renewal; null for a first issue. */
    @Column(name = "renews")
    public UUID renews;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LicenceStatus status;

    @Column(nullable = false)
    public byte[] mdoc;

    @Column(nullable = false, columnDefinition = "text")
    public String jws;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "status_reason")
    public String statusReason;

    /** This credential's entry in the Token Status List; signed into the credential. */
    @Column(name = "status_index", nullable = false)
    public long statusIndex;

    /** The random code of this credential's online-verification QR ({@link org.elicence.licence.credential.qr.VerificationCodes}). */
    @Column(name = "verification_code", nullable = false)
    public String verificationCode;

    /** The e-licence whose online-verification QR holds this code, of any status. */
    public static Optional<ELicence> findByVerificationCode(String code) {
        return ELicence.<ELicence>find("verificationCode", code).firstResultOptional();
    }

    /** The ACTIVE or SUSPENDED e-licence of a licence; the store's unique index allows at most one. */
    public static Optional<ELicence> findLive(String licenceNumber) {
        return ELicence.<ELicence>find("licenceNumber = ?1 and status in ?2", licenceNumber,
                java.util.List.of(LicenceStatus.ACTIVE, LicenceStatus.SUSPENDED)).firstResultOptional();
    }

    /**
     * The e-licence that speaks for a licence now: the live one, else the revoked one. A superseded e-licence never
     * does: the renewal that superseded it does.
     */
    public static Optional<ELicence> findCurrent(String licenceNumber) {
        return findLive(licenceNumber).or(() -> ELicence.<ELicence>find(
                "licenceNumber = ?1 and status = ?2 order by issuedAt desc", licenceNumber, LicenceStatus.REVOKED)
                .firstResultOptional());
    }

    /**
     * The e-licence a presented credential came from: by its signed status list index, or, for a credential signed
     * before indexes existed, by its signing instant. The licence number must match too, so an index from another
     * store (a credential of a reset test database, say) is not taken for one of ours.
     */
    public static Optional<ELicence> findIssued(CredentialReference credential) {
        if (credential.statusList() != null) {
            return ELicence.<ELicence>find("statusIndex = ?1 and licenceNumber = ?2", credential.statusList().idx(),
                    credential.licenceNumber()).firstResultOptional();
        }
        return ELicence.<ELicence>find("licenceNumber = ?1 and issuedAt = ?2", credential.licenceNumber(),
                credential.signedAt()).firstResultOptional();
    }

    @Override
    public String toString() {
        return "ELicence[" + id + ", licence=" + licenceNumber + ", application=" + applicationId + ", " + status + "]";
    }
}
