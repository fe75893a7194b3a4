package org.elicence.licence.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A driving licence as the authorities' registry holds it (seeded by V2__driver_licence_registry.sql). Read only:
 * this service signs what the registry says, it never changes the registry.
 */
@Entity
@Table(name = "driver_licence")
public class DriverLicence extends PanacheEntityBase {

    @Id
    @Column(name = "licence_number")
    public String licenceNumber;

    @Column(name = "resident_id", nullable = false)
    public String residentId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "family_name_latin", nullable = false)
    public String familyNameLatin;

    @Column(name = "given_name_latin", nullable = false)
    public String givenNameLatin;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "first_issued_on", nullable = false)
    public LocalDate firstIssuedOn;

    @Column(name = "expires_on", nullable = false)
    public LocalDate expiresOn;

    @Column(name = "issuing_authority", nullable = false)
    public String issuingAuthority;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "driver_licence_class", joinColumns = @JoinColumn(name = "licence_number"))
    @OrderBy("grantedOn, classCode")
    public List<LicenceClass> classes;

    public static Optional<DriverLicence> findByResidentId(String residentId) {
        return DriverLicence.<DriverLicence>find("residentId", residentId).firstResultOptional();
    }

    public List<String> classCodes() {
        return classes.stream().map(c -> c.classCode).toList();
    }

    @Override
    public String toString() {
        return "DriverLicence[" + licenceNumber + "]";
    }
}
