package org.elicence.licence.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What was decided for one application; the row's existence is what makes a repeated approval a no-op. */
@Entity
@Table(name = "licence_decision")
public class LicenceDecision extends PanacheEntityBase {

    public enum Outcome {
        /** Claimed by a transaction that has not finished deciding; never visible after commit. */
        PENDING,
        /** This application caused the signing of a new e-licence. */
        ISSUED,
        /** The licence already had a live e-licence; this application was given that one. */
        SHARED,
        REFUSED
    }

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "refusal_code")
    public String refusalCode;

    @Column(name = "e_licence_id")
    public UUID eLicenceId;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /**
     * Hands every application holding {@code from} the e-licence that renewed it, so later status changes and
     * shared issues follow the renewal.
     *
     * @return those applications
     */
    public static List<UUID> moveHolders(UUID from, UUID to) {
        List<LicenceDecision> holding = LicenceDecision.list("eLicenceId", from);
        holding.forEach(decision -> decision.eLicenceId = to);
        return holding.stream().map(d -> d.applicationId).toList();
    }

    /** Every application that holds this e-licence, so a status change reaches each of their views. */
    public static List<UUID> applicationsHolding(UUID eLicenceId) {
        return LicenceDecision.<LicenceDecision>list("eLicenceId", eLicenceId).stream()
                .map(d -> d.applicationId).toList();
    }
}
