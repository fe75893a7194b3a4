package org.elicence.application.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The annotated copy of the latest audited photo: face box, landmarks and failed regions drawn. */
@Entity
@Table(name = "photo_annotation")
public class PhotoAnnotation extends PanacheEntityBase {

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "photo_id", nullable = false)
    public UUID photoId;

    @Column(nullable = false)
    public byte[] jpeg;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
