package org.elicence.idcard.registry;

import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A resident as the ID registry knows them: their current card and, maybe, its photo. */
@Entity
@Table(name = "registry_citizen")
public class Citizen extends PanacheEntityBase {

    @Id
    @Column(name = "resident_id", columnDefinition = "bpchar(18)")
    public String residentId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "full_name_latin", nullable = false)
    public String fullNameLatin;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "card_issued_on", nullable = false)
    public LocalDate cardIssuedOn;

    /** Null for a long-term card. */
    @Column(name = "card_expires_on")
    public LocalDate cardExpiresOn;

    /** The registry photo's file name, null when the registry holds no photo. */
    @Column(name = "photo_file")
    public String photoFile;
}
