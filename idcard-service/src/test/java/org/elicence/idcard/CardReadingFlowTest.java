package org.elicence.idcard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.elicence.idcard.testing.CardReadings;
import org.elicence.idcard.testing.Citizens;
import org.elicence.idcard.testing.KafkaTestClient;
import org.elicence.infra.KafkaCredentials;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.infra.Runbook;
import org.elicence.messaging.EventType;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.ApplicationWithdrawn;
import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.IdCardSideRead;
import org.elicence.messaging.events.RuleCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * idcard-service's half of the card reading on the real broker and database (docs/idcard.md, "Who reads the card"):
 * it keeps each upload and asks photo-audit-service to read it with what the card must show, then judges the reading
 * it gets back against the upload it asked about and the other side (ID15). The tests play application-service and
 * photo-audit-service; the reading of real card photographs is photo-audit-service's test (CardReadingFlowTest there).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "idcard_test"))
class CardReadingFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long FRONT_HASH = 0x0F0F_0F0F_0F0F_0F0FL;
    private static final long BACK_HASH = 0x7777_0000_FFFF_1234L;

    @TempDir
    Path workDir;

    @Inject
    EntityManager entityManager;

    /** Issue 14: LIU Yang uploads WANG Fang's card; only his own card opens a case. */
    @Test
    void aCardReadAsAnotherCitizensFailsAndOpensNoCaseHisOwnOpensOne() {
        String applicationId = apply(Citizens.LIU_YANG, "刘洋");
        String frontId = CardReadings.upload(applicationId, Citizens.LIU_YANG, IdCardSide.FRONT);
        JsonNode request = CardReadings.awaitRequest(applicationId, frontId);
        assertEquals(Citizens.LIU_YANG, request.get("applicantId").asText(), "the number the card must carry");
        assertEquals("刘洋", request.get("applicantName").asText(), "the name its front must print");
        assertEquals("FRONT", request.get("side").asText());
        CardReadings.answer(request, CardReadings.failing(CardReadings.passed(IdCardSide.FRONT), "ID19",
                "ID_NUMBER_MISMATCH"), FRONT_HASH);
        String backId = CardReadings.upload(applicationId, Citizens.LIU_YANG, IdCardSide.BACK);
        JsonNode backRequest = CardReadings.awaitRequest(applicationId, backId);
        assertTrue(backRequest.get("applicantName").isNull(), "the back prints no name");
        CardReadings.answer(backRequest, CardReadings.passed(IdCardSide.BACK), BACK_HASH);

        List<JsonNode> checked = awaitChecked(applicationId, 2);
        JsonNode front = side(checked, frontId);
        assertEquals("FAIL", front.get("verdict").asText(), front.toString());
        assertEquals(List.of("ID19"), failedRules(front));
        assertEquals("NOT_ASSESSABLE", rule(front, "ID15").get("verdict").asText(), "the back was not read yet");
        JsonNode back = checked.stream().filter(c -> c != front).findFirst().orElseThrow();
        assertEquals("PASS", back.get("verdict").asText(), back.toString());
        assertEquals("PASS", rule(back, "ID15").get("verdict").asText(), "compared with the front read before");
        assertTrue(KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_OPENED, applicationId).isEmpty());

        // His own card: the mismatch was the only obstacle.
        CardReadings.uploadAndRead(applicationId, Citizens.LIU_YANG, IdCardSide.FRONT, FRONT_HASH);
        String caseId = await().atMost(WAIT)
                .until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_OPENED, applicationId),
                        list -> list.size() == 1).get(0).get("caseId").asText();
        JsonNode opened = await().atMost(WAIT).until(() -> KafkaTestClient.events(
                EventType.ID_CARD_REVIEW_CASE_OPENED, data -> caseId.equals(data.path("caseId").asText())),
                list -> list.size() == 1).get(0);
        assertEquals(Citizens.LIU_YANG, opened.get("applicantId").asText());
        assertEquals(CardReadings.CARD_WIDTH, opened.get("front").get("width").asInt());
        assertEquals(CardReadings.CARD_HEIGHT, opened.get("front").get("height").asInt());
        assertEquals(CardReadings.PORTRAIT_WIDTH, opened.get("portrait").get("width").asInt());
        assertEquals(CardReadings.PORTRAIT_HEIGHT, opened.get("portrait").get("height").asInt());
        reject(caseId, applicationId);
    }

    @Test
    void theSamePictureForBothSidesFailsTheSideReadSecond() {
        String applicationId = apply(Citizens.WANG_FANG, "王芳");
        String frontId = CardReadings.uploadAndRead(applicationId, Citizens.WANG_FANG, IdCardSide.FRONT, BACK_HASH);
        String backId = CardReadings.uploadAndRead(applicationId, Citizens.WANG_FANG, IdCardSide.BACK, BACK_HASH ^ 0b101);
        List<JsonNode> checked = awaitChecked(applicationId, 2);
        assertEquals("NOT_ASSESSABLE", rule(side(checked, frontId), "ID15").get("verdict").asText());
        JsonNode back = side(checked, backId);
        assertEquals("FAIL", back.get("verdict").asText());
        assertEquals(List.of("ID15"), failedRules(back));
        assertEquals(2.0, rule(back, "ID15").get("measured").asDouble(), "two bits of 64 differ");
        assertTrue(KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_OPENED, applicationId).isEmpty());
    }

    /**
     * Only photo-audit-service may write readings (its ACL), and what it writes must answer a request: a reading of
     * an upload never asked about, of another side, one that judges ID15 itself, carries an image that is not the
     * JPEG it declares or one larger than photo-audit-service makes, or fails nothing but leaves out a rule (here ID19, the number), the rectified card or its hash
     * (ID15) is dead-lettered; a repeat of a reading already taken changes nothing.
     */
    @Test
    void aReadingThatAnswersNoRequestIsDeadLetteredAndARepeatChangesNothing() {
        String applicationId = apply(Citizens.HUANG_LI, "黄丽");
        String frontId = CardReadings.upload(applicationId, Citizens.HUANG_LI, IdCardSide.FRONT);
        JsonNode request = CardReadings.awaitRequest(applicationId, frontId);

        JsonNode unknown = request.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) unknown).put("uploadId", UUID.randomUUID().toString());
        CardReadings.answer(unknown, CardReadings.passed(IdCardSide.FRONT), FRONT_HASH);
        JsonNode otherSide = request.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) otherSide).put("side", "BACK");
        CardReadings.answer(otherSide, CardReadings.passed(IdCardSide.BACK), FRONT_HASH);
        List<RuleCheck> withId15 = new ArrayList<>(CardReadings.passed(IdCardSide.FRONT));
        withId15.add(new RuleCheck("ID15", "SIDES_DIFFERENT", RuleCheck.PASS, null, null, null,
                new org.elicence.messaging.events.LocalizedText("通过。", "Passed.")));
        CardReadings.answer(request, withId15, FRONT_HASH);
        EncodedImage small = CardReadings.image(10, 10);
        KafkaTestClient.publish(applicationId, new IdCardSideRead(applicationId, frontId, IdCardSide.FRONT,
                CardReadings.passed(IdCardSide.FRONT), new EncodedImage("image/jpeg", CardReadings.CARD_WIDTH,
                        CardReadings.CARD_HEIGHT, small.base64()), null, FRONT_HASH));
        CardReadings.answer(request, CardReadings.passed(IdCardSide.FRONT).stream()
                .filter(check -> !"ID19".equals(check.rule())).toList(), FRONT_HASH);
        KafkaTestClient.publish(applicationId, new IdCardSideRead(applicationId, frontId, IdCardSide.FRONT,
                CardReadings.passed(IdCardSide.FRONT), null,
                CardReadings.image(CardReadings.PORTRAIT_WIDTH, CardReadings.PORTRAIT_HEIGHT), FRONT_HASH));
        CardReadings.answer(request, CardReadings.passed(IdCardSide.FRONT), null);
        EncodedImage huge = CardReadings.noise(2000, 2000);
        assertTrue(huge.base64().length() / 4 * 3 > 2 * 1024 * 1024, "the noise is larger than a card reading's images");
        KafkaTestClient.publish(applicationId, new IdCardSideRead(applicationId, frontId, IdCardSide.FRONT,
                CardReadings.passed(IdCardSide.FRONT), huge,
                CardReadings.image(CardReadings.PORTRAIT_WIDTH, CardReadings.PORTRAIT_HEIGHT), FRONT_HASH));
        List<String> reasons = await().atMost(WAIT).until(() -> KafkaTestClient.readAll("idcard-service.dlq")
                .stream().filter(r -> applicationId.equals(r.key()))
                .map(r -> KafkaTestClient.headerValue(r, "dead-letter-reason")).toList(), list -> list.size() == 8);
        assertTrue(reasons.stream().anyMatch(reason -> reason.contains("more than the 2097152 photo-audit-service")),
                reasons.toString());
        assertTrue(reasons.stream().anyMatch(reason -> reason.contains("fails nothing but judges no ID19")), reasons
                .toString());
        assertTrue(reasons.stream().anyMatch(reason -> reason.contains("fails nothing but carries no rectified card")),
                reasons.toString());
        assertTrue(reasons.stream().anyMatch(reason -> reason.contains("fails nothing but carries no perceptual hash")),
                reasons.toString());
        assertTrue(KafkaTestClient.eventsOf(EventType.ID_CARD_SIDE_CHECKED, applicationId).isEmpty());

        CardReadings.answer(request, CardReadings.passed(IdCardSide.FRONT), FRONT_HASH);
        CardReadings.answer(request, CardReadings.failing(CardReadings.passed(IdCardSide.FRONT), "ID6", "CARD_FOCUS"),
                FRONT_HASH);
        String backId = CardReadings.uploadAndRead(applicationId, Citizens.HUANG_LI, IdCardSide.BACK, BACK_HASH);
        List<JsonNode> checked = awaitChecked(applicationId, 2);
        assertEquals("PASS", side(checked, frontId).get("verdict").asText(), "the first reading stands");
        assertEquals("PASS", side(checked, backId).get("verdict").asText());
        String caseId = await().atMost(WAIT)
                .until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_OPENED, applicationId),
                        list -> list.size() == 1).get(0).get("caseId").asText();
        assertEquals(2, KafkaTestClient.eventsOf(EventType.ID_CARD_SIDE_CHECKED, applicationId).size());
        reject(caseId, applicationId);
    }

    /**
     * An upload that names another uploader than the application's applicant (application-service takes uploads from
     * the applicant's own token only: a fault or a forgery) is dead-lettered, kept nowhere and never read; the
     * applicant's own upload is.
     */
    @Test
    void anUploadNamingAnotherUploaderThanTheApplicantIsDeadLettered() {
        String applicationId = apply(Citizens.CHEN_JING, "陈静");
        String forged = CardReadings.upload(applicationId, Citizens.ZHAO_MIN, IdCardSide.FRONT);
        await().atMost(WAIT).until(() -> KafkaTestClient.readAll("idcard-service.dlq").stream()
                .filter(r -> applicationId.equals(r.key())).count(), count -> count == 1);
        String own = CardReadings.upload(applicationId, Citizens.CHEN_JING, IdCardSide.FRONT);
        CardReadings.awaitRequest(applicationId, own);
        assertTrue(KafkaTestClient.events(EventType.ID_CARD_READING_REQUESTED,
                data -> forged.equals(data.path("uploadId").asText())).isEmpty());
        assertEquals(0L, ((Number) entityManager.createNativeQuery("SELECT count(*) FROM id_card_upload WHERE "
                + "upload_id = :id").setParameter("id", UUID.fromString(forged)).getSingleResult()).longValue());
    }

    /**
     * Sides uploaded and read before idcard-service has seen the application are read against their own uploader's
     * number; if the application then turns out to be another applicant's, its ApplicationCreated opens no case of
     * those sides (staff never review a card read against another number), and the applicant's own sides do.
     */
    @Test
    void sidesUploadedBeforeTheApplicationWasKnownInAnotherNameOpenNoCase() {
        String applicationId = UUID.randomUUID().toString();
        String front = CardReadings.upload(applicationId, Citizens.ZHAO_MIN, IdCardSide.FRONT);
        String back = CardReadings.upload(applicationId, Citizens.ZHAO_MIN, IdCardSide.BACK);
        JsonNode frontRequest = CardReadings.awaitRequest(applicationId, front);
        JsonNode backRequest = CardReadings.awaitRequest(applicationId, back);
        assertEquals(Citizens.ZHAO_MIN, frontRequest.get("applicantId").asText(), "the uploader stands in, unknown yet");
        CardReadings.answer(frontRequest, CardReadings.passed(IdCardSide.FRONT), FRONT_HASH);
        CardReadings.answer(backRequest, CardReadings.passed(IdCardSide.BACK), BACK_HASH);
        assertEquals(2, awaitChecked(applicationId, 2).stream().filter(c -> "PASS".equals(c.get("verdict").asText()))
                .count(), "both read as passed against the uploader's number");
        // the application, known now, is another applicant's: its ApplicationCreated opens no case of those sides
        KafkaTestClient.publish(applicationId, new ApplicationCreated(applicationId, Citizens.HUANG_LI, "黄丽",
                Instant.now()));
        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_UPLOAD_REQUIRED, applicationId),
                list -> !list.isEmpty());
        assertEquals(0, count("SELECT count(*) FROM review_case WHERE application_id = :id",
                UUID.fromString(applicationId)));

        CardReadings.uploadAndRead(applicationId, Citizens.HUANG_LI, IdCardSide.FRONT, FRONT_HASH);
        CardReadings.uploadAndRead(applicationId, Citizens.HUANG_LI, IdCardSide.BACK, BACK_HASH);
        awaitChecked(applicationId, 4);
        List<JsonNode> opened = await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(
                EventType.ID_CARD_REVIEW_OPENED, applicationId), list -> !list.isEmpty());
        assertEquals(1, opened.size(), "one case, of the applicant's own sides");
        String caseId = opened.get(0).get("caseId").asText();
        JsonNode reviewCase = await().atMost(WAIT).until(() -> KafkaTestClient.events(
                EventType.ID_CARD_REVIEW_CASE_OPENED, data -> caseId.equals(data.path("caseId").asText())),
                list -> list.size() == 1).get(0);
        assertEquals(Citizens.HUANG_LI, reviewCase.get("applicantId").asText());
        assertFalse(List.of(front, back).contains(reviewCase.get("frontUploadId").asText()));
        assertFalse(List.of(front, back).contains(reviewCase.get("backUploadId").asText()));
        reject(caseId, applicationId);
    }

    /**
     * Sides read before idcard-service has seen the application open no case while its applicant is unknown: staff
     * would be shown a card with no applicant's name to compare. The application's ApplicationCreated opens it, with
     * the applicant's name. A withdrawal of an application not seen here (it travels after the ApplicationCreated,
     * on the same topic: that one was dead-lettered) is dead-lettered too, to be replayed after it.
     */
    @Test
    void sidesReadBeforeTheApplicationWasKnownOpenTheirCaseOnceItIs() {
        String applicationId = UUID.randomUUID().toString();
        CardReadings.uploadAndRead(applicationId, Citizens.WANG_FANG, IdCardSide.FRONT, FRONT_HASH);
        CardReadings.uploadAndRead(applicationId, Citizens.WANG_FANG, IdCardSide.BACK, BACK_HASH);
        assertEquals(2, awaitChecked(applicationId, 2).stream().filter(c -> "PASS".equals(c.get("verdict").asText()))
                .count());
        // the second side's check is committed with any case it opens
        assertEquals(0, count("SELECT count(*) FROM review_case WHERE application_id = :id",
                UUID.fromString(applicationId)), "no case while the applicant is unknown");

        String unknown = UUID.randomUUID().toString();
        KafkaTestClient.publish(unknown, new ApplicationWithdrawn(unknown, Citizens.WANG_FANG,
                ApplicationWithdrawn.BY_APPLICANT, Instant.now()));
        String reason = await().atMost(WAIT).until(() -> KafkaTestClient.readAll("idcard-service.dlq").stream()
                .filter(r -> unknown.equals(r.key())).map(r -> KafkaTestClient.headerValue(r, "dead-letter-reason"))
                .toList(), list -> list.size() == 1).get(0);
        assertTrue(reason.contains("came before its ApplicationCreated was handled here"), reason);

        KafkaTestClient.publish(applicationId, new ApplicationCreated(applicationId, Citizens.WANG_FANG, "王芳",
                Instant.now()));
        String caseId = await().atMost(WAIT)
                .until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_OPENED, applicationId),
                        list -> !list.isEmpty()).get(0).get("caseId").asText();
        JsonNode opened = await().atMost(WAIT).until(() -> KafkaTestClient.events(
                EventType.ID_CARD_REVIEW_CASE_OPENED, data -> caseId.equals(data.path("caseId").asText())),
                list -> list.size() == 1).get(0);
        assertEquals(Citizens.WANG_FANG, opened.get("applicantId").asText());
        assertEquals("王芳", opened.get("applicantName").asText());
        reject(caseId, applicationId);
        assertEquals(1, KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_OPENED, applicationId).size());
    }

    /**
     * A side sent before application-service withdrew the application, handled after the withdrawal: no case can open
     * any more, so the card's images are neither kept nor sent to be read.
     */
    @Test
    void anUploadHandledAfterTheWithdrawalIsNeitherKeptNorRead() {
        String applicationId = apply(Citizens.ZHAO_MIN, "赵敏");
        KafkaTestClient.publish(applicationId, new ApplicationWithdrawn(applicationId, Citizens.ZHAO_MIN,
                ApplicationWithdrawn.BY_APPLICANT, Instant.now()));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM applicant WHERE application_id = :id"
                + " AND withdrawn_at IS NOT NULL", UUID.fromString(applicationId)) == 1);

        String uploadId = UUID.randomUUID().toString();
        String eventId = CardReadings.publishUpload(applicationId, uploadId, Citizens.ZHAO_MIN, IdCardSide.FRONT);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = :id",
                eventId) == 1);
        assertEquals(0, count("SELECT count(*) FROM id_card_upload WHERE upload_id = :id", UUID.fromString(uploadId)));
        assertTrue(KafkaTestClient.events(EventType.ID_CARD_READING_REQUESTED,
                data -> uploadId.equals(data.path("uploadId").asText())).isEmpty());
    }

    /**
     * The same, with the withdrawal still committing when the upload is handled: the upload waits for the applicant's
     * row the withdrawal holds, then sees it withdrawn. Before, it read the row unlocked, as the withdrawal's start
     * left it, and was kept and sent to be read.
     */
    @Test
    void anUploadHandledWhileTheWithdrawalCommitsWaitsForItAndIsNotKept() throws Exception {
        String applicationId = apply(Citizens.ZHAO_MIN, "赵敏");
        UUID application = UUID.fromString(applicationId);
        String uploadId = UUID.randomUUID().toString();
        java.util.concurrent.ExecutorService withdrawal = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch rowHeld = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<String> eventId = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            java.util.concurrent.Future<?> committed = withdrawal.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("SELECT 1 FROM applicant WHERE application_id = :id FOR UPDATE")
                        .setParameter("id", application).getResultList();
                rowHeld.countDown();
                // until the upload's handler waits for the row, or (as it did before) handled the upload without
                await().atMost(WAIT).until(() -> aSessionWaitsToShareTheRow() || (eventId.get() != null
                        && count("SELECT count(*) FROM processed_event WHERE event_id = :id", eventId.get()) == 1));
                entityManager.createNativeQuery("UPDATE applicant SET withdrawn_at = now() WHERE application_id = :id")
                        .setParameter("id", application).executeUpdate();
            }));
            assertTrue(rowHeld.await(30, java.util.concurrent.TimeUnit.SECONDS));
            eventId.set(CardReadings.publishUpload(applicationId, uploadId, Citizens.ZHAO_MIN, IdCardSide.FRONT));
            committed.get(60, java.util.concurrent.TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = :id",
                    eventId.get()) == 1);
        } finally {
            withdrawal.shutdownNow();
        }
        assertEquals(0, count("SELECT count(*) FROM id_card_upload WHERE upload_id = :id", UUID.fromString(uploadId)));
        assertTrue(KafkaTestClient.events(EventType.ID_CARD_READING_REQUESTED,
                data -> uploadId.equals(data.path("uploadId").asText())).isEmpty());
    }

    /** A reading that comes after the retention deleted the upload's images is kept without them, and opens no case. */
    @Test
    void aReadingAfterTheImagesWereDeletedIsKeptWithoutThemAndOpensNoCase() {
        String applicationId = apply(Citizens.SUN_YUE, "孙悦");
        CardReadings.uploadAndRead(applicationId, Citizens.SUN_YUE, IdCardSide.FRONT, FRONT_HASH);
        String backId = CardReadings.upload(applicationId, Citizens.SUN_YUE, IdCardSide.BACK);
        JsonNode request = CardReadings.awaitRequest(applicationId, backId);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE id_card_upload SET image = NULL, images_deleted_at = now() WHERE upload_id = :id
                """).setParameter("id", UUID.fromString(backId)).executeUpdate());
        CardReadings.answer(request, CardReadings.passed(IdCardSide.BACK), BACK_HASH);
        assertEquals("PASS", side(awaitChecked(applicationId, 2), backId).get("verdict").asText());
        long withImages = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM id_card_upload WHERE upload_id = :id AND rectified_card IS NOT NULL")
                .setParameter("id", UUID.fromString(backId)).getSingleResult()).longValue());
        assertEquals(0, withImages, "the late reading's images are not kept");
        assertTrue(KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_OPENED, applicationId).isEmpty());
    }

    /** A session of this database waits for a lock, in a statement that reads a row to share it. */
    private boolean aSessionWaitsToShareTheRow() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
                        + " AND query ILIKE '%for share%'").getSingleResult()).longValue() > 0);
    }

    private long count(String sql, Object id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter("id", id).getSingleResult()).longValue());
    }

    private static String apply(String residentId, String name) {
        String applicationId = UUID.randomUUID().toString();
        KafkaTestClient.publish(applicationId, new ApplicationCreated(applicationId, residentId, name, Instant.now()));
        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_UPLOAD_REQUIRED, applicationId),
                list -> !list.isEmpty());
        return applicationId;
    }

    private static List<JsonNode> awaitChecked(String applicationId, int count) {
        return await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_SIDE_CHECKED,
                applicationId), list -> list.size() >= count);
    }

    private static JsonNode side(List<JsonNode> checked, String uploadId) {
        return checked.stream().filter(c -> uploadId.equals(c.get("uploadId").asText())).findFirst().orElseThrow();
    }

    private static JsonNode rule(JsonNode checked, String rule) {
        for (JsonNode check : checked.get("checks")) {
            if (rule.equals(check.get("rule").asText())) {
                return check;
            }
        }
        throw new AssertionError("no " + rule + " in " + checked);
    }

    private static List<String> failedRules(JsonNode checked) {
        List<String> failed = new ArrayList<>();
        checked.get("checks").forEach(check -> {
            if ("FAIL".equals(check.get("verdict").asText())) {
                failed.add(check.get("rule").asText());
            }
        });
        return failed;
    }

    /** Staff close the case (the runbook's block, signed by a reviewer), so the queue other tests read is empty. */
    private void reject(String caseId, String applicationId) {
        Runbook.run("reject", Map.of("KAFKA_CONFIG",
                KafkaCredentials.kcatConfig(KafkaTestClient.bootstrapServers(), "reviewer-001").toString(),
                "CASE_ID", caseId, "REVIEWER_ID", "reviewer-001", "REASON", "测试结束", "REASON_EN", "end of test",
                "CODE", "END_OF_TEST"), workDir);
        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_REJECTED, applicationId),
                list -> list.size() == 1);
    }
}
