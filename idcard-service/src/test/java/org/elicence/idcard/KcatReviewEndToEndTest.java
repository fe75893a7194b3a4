package org.elicence.idcard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.elicence.idcard.registry.Applicant;
import org.elicence.idcard.review.ReviewCase;
import org.elicence.idcard.testing.CardReadings;
import org.elicence.idcard.testing.Citizens;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.idcard.testing.KafkaTestClient;
import org.elicence.infra.KafkaCredentials;
import org.elicence.infra.Runbook;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.IdCardReviewDecisionRejected;
import org.elicence.messaging.events.ApplicationWithdrawn;
import org.elicence.messaging.events.PhotoAccepted;
import org.elicence.messaging.events.IdCardSide;
import io.smallrye.jwt.build.Jwt;
import org.elicence.messaging.staff.StaffRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import jakarta.persistence.LockModeType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Issue 4 end to end on the real broker: applicants with old cards upload them, photo-audit-service's readings
 * (played by the test, CardReadings) pass, and staff work the queue with the real kcat binary running the runbook's
 * commands verbatim.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "idcard_test"))
@WithTestResource(JwtKeysTestResource.class)
class KcatReviewEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    void staffApproveOneCaseAndRejectAnotherWithKcat() throws Exception {
        String approved = applyAndUpload(Citizens.WANG_FANG, "王芳");
        String rejected = applyAndUpload(Citizens.CHEN_JING, "陈静");
        String approvedCase = caseOf(approved);
        String rejectedCase = caseOf(rejected);

        String pending = Runbook.run("list-pending", as("reviewer-001"), workDir);
        assertTrue(pending.contains(approvedCase) && pending.contains(rejectedCase), pending);
        JsonNode shown = KafkaTestClient.readTree(Runbook.run("show-case", as("reviewer-001", "CASE_ID", approvedCase), workDir));
        assertEquals("王芳", shown.get("applicantName").asText());
        assertEquals("CARD_ISSUED_BEFORE_CUTOFF", shown.get("uploadReason").asText());
        assertEquals("PASS", shown.at("/frontChecks/0/verdict").asText());
        Runbook.run("save-images", as("reviewer-001", "CASE_ID", approvedCase), workDir);
        assertJpeg(workDir.resolve("case-" + approvedCase + "-portrait.jpg"), 260, 378);
        assertJpeg(workDir.resolve("case-" + approvedCase + "-front.jpg"), 1284, 810);
        assertJpeg(workDir.resolve("case-" + approvedCase + "-back.jpg"), 1284, 810);

        // A decision no reviewer signed is refused and the case stays pending.
        KafkaTestClient.sendRaw(Topics.IDCARD_REVIEW_DECISIONS, approvedCase, decision(approvedCase, "mallory"));
        assertRefused(approvedCase, "REVIEWER_NOT_AUTHORISED");

        Runbook.run("approve", as("reviewer-001", "CASE_ID", approvedCase, "REVIEWER_ID", "reviewer-001"), workDir);
        JsonNode approval = await().atMost(WAIT).until(
                () -> KafkaTestClient.eventsOf(EventType.ID_CARD_APPROVED, approved), list -> !list.isEmpty()).get(0);
        assertEquals(Citizens.WANG_FANG, approval.get("applicantId").asText());
        assertEquals(approvedCase, approval.get("caseId").asText());
        assertEquals(260, approval.at("/portrait/width").asInt());
        assertJpeg(Base64.getDecoder().decode(approval.at("/portrait/base64").asText()), 260, 378);

        Runbook.run("reject", as("reviewer-002", "CASE_ID", rejectedCase, "REVIEWER_ID", "reviewer-002", "REASON",
                "身份证已过有效期，请换领新证后重新上传", "REASON_EN", "the ID card has expired; renew it and upload the new card",
                "CODE", "CARD_EXPIRED"), workDir);
        JsonNode rejection = await().atMost(WAIT).until(
                () -> KafkaTestClient.eventsOf(EventType.ID_CARD_REJECTED, rejected), list -> !list.isEmpty()).get(0);
        assertEquals("CARD_EXPIRED", rejection.get("code").asText());
        assertTrue(rejection.at("/message/zh-CN").asText().contains("身份证已过有效期"));
        assertTrue(rejection.at("/message/en").asText().contains("the ID card has expired"));

        String outcome = Runbook.run("decision-outcome", as("reviewer-001", "CASE_ID", approvedCase), workDir);
        assertTrue(outcome.contains("\"status\":\"APPROVED\"") && outcome.contains("REVIEWER_NOT_AUTHORISED"), outcome);
        assertTrue(Runbook.run("list-pending", as("reviewer-002"), workDir).replaceAll("\\s", "").equals("[]"));

        assertDuplicatesAndInvalidDecisionsChangeNothing(approved, approvedCase);
        assertTheRecordTellsTheWholeStory(approved);
        assertDeadLettersCanBeListedAndReplayed();
        assertARejectedCardIsReviewedAgainOnlyOnBothSidesUploadedAgain(rejected, rejectedCase);
    }

    /**
     * The rejection asks for both sides again: a new front beside the rejected back opens no case; with a new back
     * it does.
     */
    private static void assertARejectedCardIsReviewedAgainOnlyOnBothSidesUploadedAgain(String applicationId,
            String rejectedCase) {
        CardReadings.uploadAndRead(applicationId, Citizens.CHEN_JING, IdCardSide.FRONT, 0x0F0F_0F0F_0F0F_0F0FL);
        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_SIDE_CHECKED, applicationId),
                list -> list.size() == 3);
        assertEquals(1, KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_OPENED, applicationId).size(),
                "a case opened on the new front and the back staff rejected");
        CardReadings.uploadAndRead(applicationId, Citizens.CHEN_JING, IdCardSide.BACK, 0x7777_0000_FFFF_1234L);
        List<JsonNode> opened = await().atMost(WAIT).until(
                () -> KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_OPENED, applicationId), list -> list.size() == 2);
        assertFalse(rejectedCase.equals(opened.get(1).get("caseId").asText()));
    }

    /**
     * The applicant uploads the front again while the case on the first front waits for staff: approving that case
     * would make the licence from an image the applicant took back, so it is refused; the rejection staff then send
     * is taken, and its reason is kept whole in idcard-service's record, as the applicant got it.
     */
    @Test
    void anApprovalOfACaseWhoseSideTheApplicantReplacedIsRefused() {
        String applicationId = applyAndUpload(Citizens.WANG_FANG, "王芳");
        String caseId = caseOf(applicationId);
        CardReadings.uploadAndRead(applicationId, Citizens.WANG_FANG, IdCardSide.FRONT, 0x0F0F_0F0F_0F0F_0F0FL);
        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_SIDE_CHECKED, applicationId),
                list -> list.size() == 3);

        Runbook.run("approve", as("reviewer-001", "CASE_ID", caseId, "REVIEWER_ID", "reviewer-001"), workDir);
        assertRefused(caseId, IdCardReviewDecisionRejected.SIDES_REPLACED);
        assertEquals(List.of(), KafkaTestClient.eventsOf(EventType.ID_CARD_APPROVED, applicationId));

        String reason = "证件正面照片已被重新上传，请重新拍摄并上传身份证正反两面。".repeat(9);
        assertTrue(reason.length() > StaffRecord.MAX_FIELD_LENGTH && reason.length() <= 500);
        Runbook.run("reject", as("reviewer-001", "CASE_ID", caseId, "REVIEWER_ID", "reviewer-001", "REASON", reason,
                "REASON_EN", "you uploaded the front again: photograph both sides again", "CODE", "SIDES_REPLACED"),
                workDir);
        JsonNode rejection = await().atMost(WAIT).until(
                () -> KafkaTestClient.eventsOf(EventType.ID_CARD_REJECTED, applicationId), list -> !list.isEmpty()).get(0);
        assertTrue(rejection.at("/message/zh-CN").asText().contains(reason), rejection.toString());
        JsonNode decisions = record(applicationId).get("decisions");
        assertTrue(decisions.findValuesAsText("reason").contains(reason), decisions.toString());
    }

    /**
     * A front whose card face the portrait audit could not frame passes without a licence portrait: its case opens
     * (it was dead-lettered, the application stuck), staff see the card, and only a rejection is taken.
     */
    @Test
    void aCaseWithoutALicencePortraitOpensAndCanOnlyBeRejected() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        KafkaTestClient.publish(applicationId, new ApplicationCreated(applicationId, Citizens.CHEN_JING, "陈静",
                Instant.now()));
        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_UPLOAD_REQUIRED, applicationId),
                list -> !list.isEmpty());
        String front = CardReadings.upload(applicationId, Citizens.CHEN_JING, IdCardSide.FRONT);
        CardReadings.answer(CardReadings.awaitRequest(applicationId, front), CardReadings.passed(IdCardSide.FRONT),
                0x0F0F_0F0F_0F0F_0F0FL, null);
        CardReadings.uploadAndRead(applicationId, Citizens.CHEN_JING, IdCardSide.BACK, 0x7777_0000_FFFF_1234L);
        String caseId = caseOf(applicationId);
        JsonNode opened = await().atMost(WAIT).until(() -> KafkaTestClient.events(EventType.ID_CARD_REVIEW_CASE_OPENED,
                data -> caseId.equals(data.get("caseId").asText())), list -> !list.isEmpty()).get(0);
        assertFalse(opened.has("portrait"), opened.get("caseId").asText());
        assertEquals(List.of(), EventSchemas.violations(EventType.ID_CARD_REVIEW_CASE_OPENED, opened));

        Runbook.run("save-images", as("reviewer-001", "CASE_ID", caseId), workDir);
        assertJpeg(workDir.resolve("case-" + caseId + "-front.jpg"), 1284, 810);
        assertFalse(Files.exists(workDir.resolve("case-" + caseId + "-portrait.jpg")), "no empty portrait file");

        Runbook.run("approve", as("reviewer-001", "CASE_ID", caseId, "REVIEWER_ID", "reviewer-001"), workDir);
        assertRefused(caseId, IdCardReviewDecisionRejected.NO_PORTRAIT);
        assertTrue(Runbook.run("list-pending", as("reviewer-001"), workDir).contains(caseId), "still pending");
        Runbook.run("reject", as("reviewer-001", "CASE_ID", caseId, "REVIEWER_ID", "reviewer-001", "REASON",
                "身份证人像无法裁剪为驾驶证照片，请重新拍摄正面或上传本人照片", "REASON_EN",
                "the card's portrait cannot be cut to a licence photo; photograph the front again or upload a portrait",
                "CODE", "NO_LICENCE_PORTRAIT"), workDir);
        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_REJECTED, applicationId),
                list -> !list.isEmpty());
    }

    @Test
    void aWithdrawnApplicationsPendingCaseLeavesTheQueueAndTakesNoDecision() {
        String applicationId = applyAndUpload(Citizens.CHEN_JING, "陈静");
        String caseId = caseOf(applicationId);

        // a withdrawal naming another applicant than the application's is dead-lettered: the case stays pending
        KafkaTestClient.publish(applicationId, new ApplicationWithdrawn(applicationId, Citizens.WANG_FANG,
                ApplicationWithdrawn.BY_APPLICANT, Instant.now()));
        ConsumerRecord<String, String> deadLetter = await().atMost(WAIT).until(() -> KafkaTestClient
                .readAll("idcard-service.dlq").stream().filter(r -> applicationId.equals(r.key())).toList(),
                list -> !list.isEmpty()).get(0);
        String reason = KafkaTestClient.headerValue(deadLetter, "dead-letter-reason");
        assertTrue(reason.contains("names another applicant") && !reason.contains(Citizens.WANG_FANG), reason);
        assertTrue(Runbook.run("list-pending", as("reviewer-001"), workDir).contains(caseId));

        KafkaTestClient.publish(applicationId, new ApplicationWithdrawn(applicationId, Citizens.CHEN_JING,
                ApplicationWithdrawn.BY_APPLICANT, Instant.now()));
        assertClosedUndecidedAndOutOfTheQueue(applicationId, caseId, "WITHDRAWN");
    }

    /**
     * The applicant's portrait passed the audit while staff had the card (application-service announces it as
     * application.photo-accepted; a reviewer's photo approval as photo.review-approved): the licence is made from that
     * photo, so the card case closes as SUPERSEDED, leaves the queue and takes no decision, and its images' retention
     * starts. Before, it stayed pending, with its images, until someone decided a case that could change nothing.
     */
    @Test
    void aCaseOfAnApplicationSettledOnAPhotoLeavesTheQueueAndTakesNoDecision() {
        String applicationId = applyAndUpload(Citizens.CHEN_JING, "陈静");
        String caseId = caseOf(applicationId);
        assertTrue(Runbook.run("list-pending", as("reviewer-001"), workDir).contains(caseId));

        KafkaTestClient.publish(applicationId, new PhotoAccepted(applicationId, Citizens.CHEN_JING,
                UUID.randomUUID().toString(), Instant.now()));
        assertClosedUndecidedAndOutOfTheQueue(applicationId, caseId, "SUPERSEDED");
    }

    /**
     * The case was closed with {@code status} and no decision or reviewer, left the pending list, and a reviewer who
     * had it open and decides anyway is refused: nothing approved.
     */
    private void assertClosedUndecidedAndOutOfTheQueue(String applicationId, String caseId, String status) {
        JsonNode closed = await().atMost(WAIT).until(() -> KafkaTestClient.events(EventType.ID_CARD_REVIEW_CASE_CLOSED,
                data -> caseId.equals(data.get("caseId").asText())), list -> !list.isEmpty()).get(0);
        assertEquals(status, closed.get("status").asText());
        assertFalse(closed.has("decisionId") || closed.has("reviewerId"), closed.toString());
        assertEquals(List.of(), EventSchemas.violations(EventType.ID_CARD_REVIEW_CASE_CLOSED, closed));
        assertFalse(Runbook.run("list-pending", as("reviewer-001"), workDir).contains(caseId),
                "the case has left the queue");
        KafkaTestClient.sendSigned(Topics.IDCARD_REVIEW_DECISIONS, caseId, decision(caseId, "reviewer-001"),
                "reviewer-001");
        assertRefused(caseId, "CASE_ALREADY_DECIDED");
        assertEquals(0, KafkaTestClient.eventsOf(EventType.ID_CARD_APPROVED, applicationId).size());
    }

    /**
     * A withdrawal that arrives while a staff decision on the application's case is being applied waits for it and
     * leaves the decided case alone. The test holds the case's row lock while the real signed decision and then the
     * withdrawal arrive (both seen waiting for the test's session, the decision first), then lets go. On the old code the
     * withdrawal read the case unlocked as still pending and, after the approval committed, wrote WITHDRAWN over it
     * and published a second close.
     */
    @Test
    void aWithdrawalWaitsForADecisionInFlightAndLeavesItsCaseDecided() throws Exception {
        String applicationId = applyAndUpload(Citizens.LIU_YANG, "刘洋");
        UUID caseId = UUID.fromString(caseOf(applicationId));
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger holderPid = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService holder = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> held = holder.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                ReviewCase.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
                holderPid.set(((Number) ReviewCase.getEntityManager().createNativeQuery("SELECT pg_backend_pid()")
                        .getSingleResult()).intValue());
                locked.countDown();
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertTrue(locked.await(30, java.util.concurrent.TimeUnit.SECONDS));
            KafkaTestClient.sendSigned(Topics.IDCARD_REVIEW_DECISIONS, caseId.toString(),
                    decision(caseId.toString(), "reviewer-001"), "reviewer-001");
            await().atMost(WAIT).until(() -> waitingFor(holderPid.get()) >= 1);
            KafkaTestClient.publish(applicationId, new ApplicationWithdrawn(applicationId, Citizens.LIU_YANG,
                    ApplicationWithdrawn.BY_APPLICANT, Instant.now()));
            await().atMost(WAIT).until(() -> waitingFor(holderPid.get()) >= 2);
            release.countDown();
            held.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
        UUID application = UUID.fromString(applicationId);
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Applicant) Applicant.findById(application)).withdrawnAt != null));
        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_APPROVED, applicationId),
                list -> !list.isEmpty());
        assertEquals(ReviewCase.Status.APPROVED, QuarkusTransaction.requiringNew()
                .call(() -> ((ReviewCase) ReviewCase.findById(caseId)).status));
        List<String> closes = KafkaTestClient.events(EventType.ID_CARD_REVIEW_CASE_CLOSED,
                data -> caseId.toString().equals(data.get("caseId").asText())).stream()
                .map(data -> data.get("status").asText()).toList();
        assertEquals(List.of("APPROVED"), closes, "one close per case");
    }

    /**
     * The sessions that wait, directly or behind another waiter, for the session {@code pid}: the first waiter for a
     * row takes its place in line, and the next waits for that one.
     */
    private static int waitingFor(int pid) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) ReviewCase.getEntityManager()
                .createNativeQuery("WITH RECURSIVE blocked (pid) AS (SELECT pid FROM pg_stat_activity"
                        + " WHERE :pid = ANY (pg_blocking_pids(pid)) UNION SELECT a.pid FROM pg_stat_activity a"
                        + " JOIN blocked b ON b.pid = ANY (pg_blocking_pids(a.pid))) SELECT count(*) FROM blocked")
                .setParameter("pid", pid).getSingleResult()).intValue());
    }

    private void assertDuplicatesAndInvalidDecisionsChangeNothing(String applicationId, String caseId) {
        JsonNode closed = KafkaTestClient.events(EventType.ID_CARD_REVIEW_CASE_CLOSED,
                data -> caseId.equals(data.get("caseId").asText())).get(0);
        String redelivered = "{\"decisionId\":\"" + closed.get("decisionId").asText() + "\",\"caseId\":\"" + caseId
                + "\",\"reviewerId\":\"reviewer-001\",\"decision\":\"APPROVE\"}";
        KafkaTestClient.sendSigned(Topics.IDCARD_REVIEW_DECISIONS, caseId, redelivered, "reviewer-001");
        KafkaTestClient.sendSigned(Topics.IDCARD_REVIEW_DECISIONS, caseId, decision(caseId, "reviewer-002"), "reviewer-002");
        assertRefused(caseId, "CASE_ALREADY_DECIDED");
        String unknownCase = UUID.randomUUID().toString();
        KafkaTestClient.sendSigned(Topics.IDCARD_REVIEW_DECISIONS, unknownCase, decision(unknownCase, "reviewer-001"),
                "reviewer-001");
        // Signed by one reviewer in the name of another: refused, the signer is who decides.
        String impostor = UUID.randomUUID().toString();
        String impersonated = decision(impostor, "reviewer-001");
        KafkaTestClient.sendSigned(Topics.IDCARD_REVIEW_DECISIONS, impostor, impersonated, "reviewer-002");
        assertRefused(impostor, "REVIEWER_NOT_AUTHORISED");
        assertRefused(unknownCase, "UNKNOWN_CASE");
        // That refusal left its decisionId free: the reviewer's own decision under it is checked (no such case) ...
        KafkaTestClient.sendSigned(Topics.IDCARD_REVIEW_DECISIONS, impostor, impersonated, "reviewer-001");
        assertRefused(impostor, "UNKNOWN_CASE");
        // ... and another decision under that id, now used, is refused, not taken for a redelivery
        String reusing = UUID.randomUUID().toString();
        KafkaTestClient.sendSigned(Topics.IDCARD_REVIEW_DECISIONS, reusing, impersonated.replace(impostor, reusing),
                "reviewer-001");
        assertRefused(reusing, "MALFORMED_DECISION");
        // a decision field longer than any decision is stored as received and refused, not dead-lettered untold
        String misspelt = UUID.randomUUID().toString();
        KafkaTestClient.sendSigned(Topics.IDCARD_REVIEW_DECISIONS, misspelt, decision(misspelt, "reviewer-001")
                .replace("\"APPROVE\"", "\"NOT_APPROVED_AFTER_ALL\""), "reviewer-001");
        assertRefused(misspelt, "MALFORMED_DECISION");
        KafkaTestClient.sendSigned(Topics.IDCARD_REVIEW_DECISIONS, caseId, "{\"decisionId\":\"" + UUID.randomUUID()
                + "\",\"caseId\":\"" + caseId + "\",\"reviewerId\":\"reviewer-001\",\"decision\":\"REJECT\"}",
                "reviewer-001");
        await().atMost(WAIT).until(() -> KafkaTestClient.events(EventType.ID_CARD_REVIEW_DECISION_REJECTED,
                data -> "MALFORMED_DECISION".equals(data.get("code").asText())
                        && data.get("reason").asText().contains("reason")),
                list -> !list.isEmpty());
        assertEquals(1, KafkaTestClient.eventsOf(EventType.ID_CARD_APPROVED, applicationId).size(),
                "the redelivered decision had no second effect");
        assertEquals(1, KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_CASE_CLOSED, applicationId).size());
    }

    private void assertTheRecordTellsTheWholeStory(String applicationId) {
        JsonNode record = record(applicationId);
        assertEquals("CARD_ISSUED_BEFORE_CUTOFF", record.at("/registry/outcome").asText());
        assertEquals(2, record.get("uploads").size());
        assertEquals("APPROVED", record.at("/reviewCases/0/status").asText());
        List<String> outcomes = record.get("decisions").findValuesAsText("outcome");
        assertTrue(outcomes.contains("ACCEPTED") && outcomes.contains("REFUSED"), record.toString());
    }

    /** The applicant's record as operators read it with the runbook. */
    private JsonNode record(String applicationId) {
        // the runbook mints the operator's token with deploy/mint-token.sh from the repository root; the test
        // hands it one signed with the test keys instead
        String operatorToken = Jwt.subject("platform-operator").issuer("https://auth.elicence.example")
                .audience("elicence-operators").groups(java.util.Set.of("operator")).expiresIn(600).sign();
        return KafkaTestClient.readTree(Runbook.run("record", Map.of("IDCARD_URL",
                "http://localhost:" + RestAssured.port, "APPLICATION_ID", applicationId, "OPERATOR_TOKEN",
                operatorToken), workDir));
    }

    private void assertDeadLettersCanBeListedAndReplayed() {
        String key = "garbled-" + UUID.randomUUID();
        KafkaTestClient.sendRaw(Topics.IDCARD_REVIEW_DECISIONS, key, "approve it please");
        String listed = await().atMost(WAIT).until(() -> Runbook.run("dlq-list", as("platform-operator"), workDir),
                out -> out.contains(key));
        String line = listed.lines().filter(l -> l.contains(key)).findFirst().orElseThrow();
        String[] words = line.split(" ");
        // Replayed by idcard-service itself on platform-operator's signed order: still not JSON, so it fails again;
        // the outcome says why and the dead letter stays the only one (DeadLetterReplayTest replays one that passes).
        String sent = Runbook.run("dlq-replay", as("platform-operator", "SERVICE", "idcard-service", "P", words[1],
                "O", words[3]), workDir);
        String replayId = sent.strip().split(" ")[1];
        JsonNode outcome = KafkaTestClient.readTree(await().atMost(WAIT).until(() -> Runbook.run("dlq-replay-outcome",
                as("platform-operator", "REPLAY_ID", replayId), workDir), out -> !out.isBlank()).lines().findFirst()
                .orElseThrow());
        assertEquals("REPLAY_FAILED", outcome.path("code").asText(), outcome.toString());
        assertEquals(1, KafkaTestClient.readAll("idcard-service.dlq").stream().filter(r -> key.equals(r.key())).count());
    }

    /** The applicant's front and back, each read by photo-audit-service (played by the test) with every check passed. */
    private static String applyAndUpload(String residentId, String name) {
        String applicationId = UUID.randomUUID().toString();
        KafkaTestClient.publish(applicationId, new ApplicationCreated(applicationId, residentId, name, Instant.now()));
        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_UPLOAD_REQUIRED, applicationId),
                list -> !list.isEmpty());
        CardReadings.uploadAndRead(applicationId, residentId, IdCardSide.FRONT, 0x0F0F_0F0F_0F0F_0F0FL);
        CardReadings.uploadAndRead(applicationId, residentId, IdCardSide.BACK, 0x7777_0000_FFFF_1234L);
        return applicationId;
    }

    private static String caseOf(String applicationId) {
        List<JsonNode> checked = await().atMost(WAIT).until(
                () -> KafkaTestClient.eventsOf(EventType.ID_CARD_SIDE_CHECKED, applicationId),
                list -> list.size() == 2);
        checked.forEach(side -> assertEquals("PASS", side.get("verdict").asText(), side.toString()));
        return await().atMost(WAIT)
                .until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_OPENED, applicationId),
                        list -> !list.isEmpty())
                .get(0).get("caseId").asText();
    }

    private static void assertRefused(String caseId, String code) {
        await().atMost(WAIT).until(() -> KafkaTestClient.events(EventType.ID_CARD_REVIEW_DECISION_REJECTED,
                data -> caseId.equals(data.path("caseId").asText()) && code.equals(data.get("code").asText())),
                list -> !list.isEmpty());
    }

    private static String decision(String caseId, String reviewerId) {
        return "{\"decisionId\":\"" + UUID.randomUUID() + "\",\"caseId\":\"" + caseId + "\",\"reviewerId\":\""
                + reviewerId + "\",\"decision\":\"APPROVE\"}";
    }

    /** The runbook's variables for an operator logged in to the broker as {@code principal}. */
    private static Map<String, String> as(String principal, String... variables) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("BROKER", KafkaTestClient.bootstrapServers(),
                "KAFKA_CONFIG", KafkaCredentials.kcatConfig(KafkaTestClient.bootstrapServers(), principal).toString()));
        for (int i = 0; i < variables.length; i += 2) {
            env.put(variables[i], variables[i + 1]);
        }
        return env;
    }

    private static void assertJpeg(Path file, int width, int height) throws java.io.IOException {
        assertJpeg(Files.readAllBytes(file), width, height);
    }

    private static void assertJpeg(byte[] bytes, int width, int height) throws java.io.IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }
}
