package org.elicence.licence.service;

import java.time.Instant;
import java.util.Optional;

import org.elicence.licence.credential.status.LicenceStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An authority's SUSPEND or REVOKE of a licence that has no e-licence yet (V15): the driver has not applied, or the
 * approval is still on its way. Without it the command was refused UNKNOWN_LICENCE and forgotten, and the driver's
 * first application then signed an ACTIVE e-licence of a revoked or suspended licence. A licence without a row is
 * ACTIVE. Its first e-licence starts from the row ({@link #carryOnto}), which then goes: from there on the
 * e-licence holds the status. Read and written only under the licence's lock ({@link ELicenceStore#lockLicence}).
 */
@Entity
@Table(name = "licence_standing")
public class LicenceStanding extends PanacheEntityBase {

    @Id
    @Column(name = "licence_number")
    public String licenceNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LicenceStatus status;

    @Column
    public String reason;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The status of a licence that has no e-licence: ACTIVE unless an authority suspended or revoked it. */
    static LicenceStatus of(String licenceNumber) {
        return LicenceStanding.<LicenceStanding>findByIdOptional(licenceNumber).map(standing -> standing.status)
                .orElse(LicenceStatus.ACTIVE);
    }

    /** Records what an authority's command made of a licence without an e-licence; ACTIVE is no row. */
    static void set(String licenceNumber, LicenceStatus status, String reason, Instant at) {
        Optional<LicenceStanding> kept = LicenceStanding.findByIdOptional(licenceNumber);
        if (status == LicenceStatus.ACTIVE) {
            kept.ifPresent(LicenceStanding::delete);
            return;
        }
        LicenceStanding standing = kept.orElseGet(LicenceStanding::new);
        standing.licenceNumber = licenceNumber;
        standing.status = status;
        standing.reason = reason;
        standing.changedAt = at;
        standing.persist();
    }

    /**
     * Gives a licence's first e-licence, just signed, the status an authority gave the licence before it: the
     * e-licence holds it from now on, so the row goes.
     */
    static void carryOnto(ELicence first) {
        LicenceStanding.<LicenceStanding>findByIdOptional(first.licenceNumber).ifPresent(standing -> {
            first.status = standing.status;
            first.statusReason = standing.reason;
            first.statusChangedAt = standing.changedAt;
            standing.delete();
        });
    }
}
