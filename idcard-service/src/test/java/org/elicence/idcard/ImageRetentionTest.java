package org.elicence.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.elicence.idcard.review.ImageRetention;
import org.elicence.infra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Card images leave the store when their retention runs out; the record of the checks stays. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "idcard_test"))
class ImageRetentionTest {

    @Inject
    EntityManager entityManager;

    @Inject
    ImageRetention retention;

    @Test
    void imagesGoAfterTheirRetentionAndTheRecordStays() {
        UUID decidedLongAgo = caseWithUploads("APPROVED", "40 days");
        UUID decidedRecently = caseWithUploads("REJECTED", "2 days");
        UUID stillPending = caseWithUploads("PENDING", null);

        assertTrue(retention.purgeExpiredImages() >= 2);

        assertEquals(0, uploadsWithImages(decidedLongAgo), "both sides of the old decision lost their images");
        assertEquals(2, uploadsWithChecks(decidedLongAgo), "the checks stay for the applicant's record");
        assertEquals(2, uploadsWithImages(decidedRecently));
        assertEquals(2, uploadsWithImages(stillPending), "staff still need the images of a pending case");
    }

    /**
     * A rejection 40 days ago, and a side uploaded again since: the new upload was never decided on, so it is kept
     * for the undecided retention from its upload (it was deleted within the hour, and the case it was for could
     * then never open).
     */
    @Test
    void aSideUploadedAfterAnOldDecisionKeepsItsImages() {
        UUID application = caseWithUploads("REJECTED", "40 days");
        UUID again = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO id_card_upload (upload_id, application_id, side, content_type, image, portrait, verdict,
                    checks, uploaded_at, checked_at)
                VALUES (:id, :application, 'FRONT', 'image/jpeg', '\\xffd8ff'::bytea, '\\xffd8ff'::bytea, 'PASS',
                    '[]'::jsonb, now() - interval '1 hour', now() - interval '1 hour')
                """).setParameter("id", again).setParameter("application", application).executeUpdate());

        retention.purgeExpiredImages();

        assertEquals(1, uploadsWithImages(application), "only the upload made after the decision keeps its images");
        assertEquals(1L, count("SELECT count(*) FROM id_card_upload WHERE upload_id = :a AND image IS NOT NULL", again));
    }

    private UUID caseWithUploads(String status, String decidedAgo) {
        UUID application = UUID.randomUUID();
        UUID front = UUID.randomUUID();
        UUID back = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object[] upload : new Object[][] {{front, "FRONT"}, {back, "BACK"}}) {
                entityManager.createNativeQuery("""
                        INSERT INTO id_card_upload (upload_id, application_id, side, content_type, image, portrait,
                            verdict, checks, uploaded_at, checked_at)
                        VALUES (:id, :application, :side, 'image/jpeg', '\\xffd8ff'::bytea, '\\xffd8ff'::bytea,
                            'PASS', '[]'::jsonb, now() - interval '100 days', now() - interval '100 days')
                        """).setParameter("id", upload[0]).setParameter("application", application)
                        .setParameter("side", upload[1]).executeUpdate();
            }
            entityManager.createNativeQuery("""
                    INSERT INTO review_case (case_id, application_id, applicant_id, front_upload_id, back_upload_id,
                        status, opened_at, decided_at)
                    VALUES (:case, :application, '420102197510190843', :front, :back, :status, now() - interval '100 days',
                        %s)
                    """.formatted(decidedAgo == null ? "NULL" : "now() - interval '" + decidedAgo + "'"))
                    .setParameter("case", UUID.randomUUID()).setParameter("application", application)
                    .setParameter("front", front).setParameter("back", back).setParameter("status", status)
                    .executeUpdate();
        });
        return application;
    }

    private long uploadsWithImages(UUID application) {
        return count("SELECT count(*) FROM id_card_upload WHERE application_id = :a AND image IS NOT NULL", application);
    }

    private long uploadsWithChecks(UUID application) {
        return count("SELECT count(*) FROM id_card_upload WHERE application_id = :a AND checks IS NOT NULL", application);
    }

    private long count(String sql, UUID application) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter("a", application).getSingleResult()).longValue());
    }
}
