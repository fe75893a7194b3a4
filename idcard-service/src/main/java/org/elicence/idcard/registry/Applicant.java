package org.elicence.idcard.registry;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An application as idcard-service knows it: who applied and what the ID registry said. */
@Entity
@Table(name = "applicant")
public class Applicant extends PanacheEntityBase {

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    /** Resident ID number: personal data, never logged. */
    @Column(name = "applicant_id", nullable = false, columnDefinition = "bpchar(18)")
    public String applicantId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Enumerated(EnumType.STRING)
    @Column(name = "registry_outcome", nullable = false)
    public RegistryOutcome registryOutcome;

    @Column(name = "registry_photo_id")
    public UUID registryPhotoId;

    @Column(name = "looked_up_at", nullable = false)
    public Instant lookedUpAt;

    /** When application-service withdrew the application: no review case opens for it from then on. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** When application-service settled the application on a photo: no card case opens for it any more. */
    @Column(name = "settled_on_photo_at")
    public Instant settledOnPhotoAt;

    /** Why no card case opens for this application any more ("withdrawn", "settled on a photo"); null while one may. */
    public String closedAs() {
        return withdrawnAt != null ? "withdrawn" : settledOnPhotoAt != null ? "settled on a photo" : null;
    }
}
