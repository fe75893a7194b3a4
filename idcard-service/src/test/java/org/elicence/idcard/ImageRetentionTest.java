package org.elicence.idcard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.elicence.idcard.review.ApplicationLock;
import org.elicence.idcard.review.ImageRetention;
import org.elicence.idcard.review.ReviewBacklogMetrics;
import org.elicence.infra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
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

    @Inject
    ReviewBacklogMetrics backlog;

    @Inject
    MeterRegistry registry;

    /**
     * Staff's backlog, read from the cases: a pending case counts, its age is the oldest's when it is the oldest, and
     * a decided one does not count (alert ElicenceReviewBacklog: a case older than the topic's 30 days leaves staff's
     * list).
     */
    @Test
    void staffsBacklogIsReadFromThePendingCases() {
        backlog.refresh();
        double before = registry.get("idcard.review_cases_pending").gauge().value();
        UUID pending = caseWithUploads("PENDING", null);
        caseWithUploads("APPROVED", "1 day");
        backlog.refresh();
        assertEquals(before + 1, registry.get("idcard.review_cases_pending").gauge().value());
        assertTrue(registry.get("idcard.review_cases_pending_oldest_seconds").gauge().value()
                >= Duration.ofDays(100).minusMinutes(5).toSeconds(), "opened 100 days ago");

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE review_case SET status = 'REJECTED', decided_at = now() WHERE application_id = :a")
                .setParameter("a", pending).executeUpdate());
        backlog.refresh();
        assertEquals(before, registry.get("idcard.review_cases_pending").gauge().value());
    }

    @Test
    void imagesGoAfterTheirRetentionAndTheRecordStays() {
        UUID decidedLongAgo = caseWithUploads("APPROVED", "40 days");
        UUID decidedRecently = caseWithUploads("REJECTED", "2 days");
        UUID stillPending = caseWithUploads("PENDING", null);

        assertTrue(retention.purgeExpiredImages() >= 2);

        assertEquals(0, uploadsWithImages(decidedLongAgo), "both sides of the old decision lost their images");
        assertEquals(2, uploadsWithChecks(decidedLongAgo), "the checks stay for the applicant's record");
        assertEquals(0, count("SELECT count(*) FROM id_card_upload WHERE application_id = :a AND uploader_id IS NOT NULL",
                decidedLongAgo), "the uploader's resident ID number goes with the images (docs/privacy.md)");
        assertEquals(2, count("SELECT count(*) FROM id_card_upload WHERE application_id = :a AND uploader_id IS NOT NULL",
                stillPending));
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

    /**
     * A case opened while the retention runs keeps its images: the retention takes each application's lock, which
     * whatever opens a case holds, and reads "no case pending" again once it has it. (As one statement over every
     * application it judged that as its start saw it, and deleted the images of the case opened meanwhile.)
     */
    @Test
    void aCaseOpenedWhileTheRetentionRunsKeepsItsImages() throws Exception {
        UUID application = caseWithUploads(null, null);
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        AtomicInteger openingSession = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> opening = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                ApplicationLock.hold(application);
                insertCase(application, "PENDING", null);
                openingSession.set(((Number) entityManager.createNativeQuery("SELECT pg_backend_pid()")
                        .getSingleResult()).intValue());
                opened.countDown();
                awaitLatch(commit);
            }));
            assertTrue(opened.await(30, TimeUnit.SECONDS));
            Future<Integer> purging = threads.submit(retention::purgeExpiredImages);
            // the retention waits for the lock the opening's session holds
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number)
                    entityManager.createNativeQuery("SELECT count(*) FROM pg_stat_activity WHERE"
                            + " :opening = ANY (pg_blocking_pids(pid))").setParameter("opening", openingSession.get())
                            .getSingleResult()).longValue()) > 0);
            commit.countDown();
            opening.get(30, TimeUnit.SECONDS);
            purging.get(30, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        assertEquals(2, uploadsWithImages(application), "the case opened meanwhile keeps both sides' images");
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Two passed sides uploaded 100 days ago, with a case of {@code status} (none when null). */
    private UUID caseWithUploads(String status, String decidedAgo) {
        UUID application = UUID.randomUUID();
        UUID front = UUID.randomUUID();
        UUID back = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object[] upload : new Object[][] {{front, "FRONT"}, {back, "BACK"}}) {
                entityManager.createNativeQuery("""
                        INSERT INTO id_card_upload (upload_id, application_id, side, content_type, image, portrait,
                            verdict, checks, uploaded_at, checked_at, uploader_id)
                        VALUES (:id, :application, :side, 'image/jpeg', '\\xffd8ff'::bytea, '\\xffd8ff'::bytea,
                            'PASS', '[]'::jsonb, now() - interval '100 days', now() - interval '100 days',
                            '420102197510190843')
                        """).setParameter("id", upload[0]).setParameter("application", application)
                        .setParameter("side", upload[1]).executeUpdate();
            }
            if (status != null) {
                insertCase(application, status, decidedAgo);
            }
        });
        return application;
    }

    /** A case of the application's two uploads, in the caller's transaction. */
    private void insertCase(UUID application, String status, String decidedAgo) {
        entityManager.createNativeQuery("""
                INSERT INTO review_case (case_id, application_id, applicant_id, front_upload_id, back_upload_id,
                    status, opened_at, decided_at)
                SELECT :case, :application, '420102197510190843',
                    (SELECT upload_id FROM id_card_upload WHERE application_id = :application AND side = 'FRONT'),
                    (SELECT upload_id FROM id_card_upload WHERE application_id = :application AND side = 'BACK'),
                    :status, now() - interval '100 days', %s
                """.formatted(decidedAgo == null ? "NULL" : "now() - interval '" + decidedAgo + "'"))
                .setParameter("case", UUID.randomUUID()).setParameter("application", application)
                .setParameter("status", status).executeUpdate();
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
