package org.elicence.photoaudit.store;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The record of one audit, without the image. */
@Entity
@Table(name = "photo_audit")
public class PhotoAuditRecord extends PanacheEntityBase {

    @Id
    @Column(name = "photo_id")
    public UUID photoId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String verdict;

    /** JSON array of the rule checks, as published. */
    @Column(nullable = false, columnDefinition = "text")
    public String checks;

    @Column(name = "duration_millis", nullable = false)
    public long durationMillis;

    @Column(name = "audited_at", nullable = false)
    public Instant auditedAt;
}
