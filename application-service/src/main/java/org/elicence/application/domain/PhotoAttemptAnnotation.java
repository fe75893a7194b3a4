package org.elicence.application.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The annotated copy of one audited photo, for staff (the operators' record): every attempt's, where
 * {@link PhotoAnnotation} keeps only the latest for the applicant. Personal data, deleted with the other images.
 */
@Entity
@Table(name = "photo_attempt_annotation")
public class PhotoAttemptAnnotation extends PanacheEntityBase {

    @Id
    @Column(name = "photo_id")
    public UUID photoId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public byte[] jpeg;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Keeps the annotated copy of an audited photo; a second report on the same photo replaces it. */
    public static void record(UUID applicationId, UUID photoId, byte[] jpeg) {
        PhotoAttemptAnnotation annotation = PhotoAttemptAnnotation.<PhotoAttemptAnnotation>findByIdOptional(photoId)
                .orElseGet(PhotoAttemptAnnotation::new);
        boolean isNew = annotation.photoId == null;
        annotation.photoId = photoId;
        annotation.applicationId = applicationId;
        annotation.jpeg = jpeg;
        annotation.createdAt = Instant.now();
        if (isNew) {
            annotation.persist();
        }
    }

    /** The photos of an application that have an annotated copy, without loading the images. */
    public static Set<UUID> photosOf(UUID applicationId) {
        List<UUID> ids = getEntityManager()
                .createQuery("select a.photoId from PhotoAttemptAnnotation a where a.applicationId = ?1", UUID.class)
                .setParameter(1, applicationId).getResultList();
        return ids.stream().collect(Collectors.toSet());
    }
}
