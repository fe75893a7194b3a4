package org.elicence.application.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One upload of an applicant's inside the upload limit's window, in the database so that every instance of
 * application-service counts the same uploads. Kept no longer than the window (and the sweep after it): the
 * applicant's ID number and a time, nothing of the upload itself.
 */
@Entity
@Table(name = "recent_upload")
public class RecentUpload extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "applicant_id", nullable = false)
    public String applicantId;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    public static void record(String applicantId, Instant at) {
        RecentUpload upload = new RecentUpload();
        upload.applicantId = applicantId;
        upload.uploadedAt = at;
        upload.persist();
    }

    /**
     * The applicant's uploads after {@code windowStart}: how many, and the earliest, in one query. Older rows are
     * left to {@link #forgetBefore}, the scheduled sweep's, so an upload costs a read and an insert, no delete.
     */
    public static Window of(String applicantId, Instant windowStart) {
        return getEntityManager().createQuery("select new " + Window.class.getName()
                + "(count(u), min(u.uploadedAt)) from RecentUpload u where u.applicantId = ?1 and u.uploadedAt > ?2",
                Window.class).setParameter(1, applicantId).setParameter(2, windowStart).getSingleResult();
    }

    /** Forgets every applicant's uploads at or before {@code windowStart}; how many. */
    public static long forgetBefore(Instant windowStart) {
        return delete("uploadedAt <= ?1", windowStart);
    }

    /** How many uploads of one applicant's are in the window, and when the earliest of them was. */
    public record Window(long uploads, Instant earliest) {
    }
}
