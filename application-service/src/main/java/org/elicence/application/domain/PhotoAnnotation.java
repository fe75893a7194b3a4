package org.elicence.application.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The annotated copy of the latest audited photo (face box, landmarks and failed regions drawn) and the licence
 * portrait the audit framed from it, if any: what a review the applicant asks for shows staff, and approves.
 */
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

    /** The licence portrait (JPEG), or null when the audit framed none. */
    public byte[] portrait;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
