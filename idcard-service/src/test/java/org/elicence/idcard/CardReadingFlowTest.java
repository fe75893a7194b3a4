package org.elicence.idcard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.elicence.idcard.testing.CardHolder;
import org.elicence.idcard.testing.CardPhotos;
import org.elicence.idcard.testing.CardPhotos.Placement;
import org.elicence.idcard.testing.KafkaTestClient;
import org.elicence.infra.KafkaCredentials;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.infra.Runbook;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.IdCardSideUploaded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14 on the real broker and database: LIU Yang, whose card predates the cut-off, uploads WANG Fang's card.
 * Every picture check passes, but the number read from the card is not his: the front FAILs with
 * ID_NUMBER_MISMATCH, no review case opens, so no approval and no licence can follow. His own card, uploaded next,
 * opens the case.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "idcard_test"))
class AnotherCitizensCardTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    void aCardOfAnotherCitizenFailsWithIdNumberMismatchAndOpensNoCase() {
        String applicationId = UUID.randomUUID().toString();
        CardHolder applicant = CardHolder.LIU_YANG;
        KafkaTestClient.publish(applicationId,
                new ApplicationCreated(applicationId, applicant.residentId(), applicant.name(), Instant.now()));
        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_UPLOAD_REQUIRED, applicationId),
                list -> !list.isEmpty());

        uploadCardOf(CardHolder.WANG_FANG, applicationId, applicant);
        List<JsonNode> checked = await().atMost(WAIT).until(
                () -> KafkaTestClient.eventsOf(EventType.ID_CARD_SIDE_CHECKED, applicationId), list -> list.size() == 2);
        JsonNode front = checked.stream().filter(side -> "FRONT".equals(side.get("side").asText())).findFirst()
                .orElseThrow();
        assertEquals("FAIL", front.get("verdict").asText(), front.toString());
        List<JsonNode> failed = failures(front);
        assertEquals(1, failed.size(), "only the number fails: " + failed);
        assertEquals("ID19", failed.get(0).get("rule").asText());
        assertEquals("ID_NUMBER_MISMATCH", failed.get(0).get("code").asText());
        assertTrue(failed.get(0).get("message").get("zh-CN").asText().contains("本人"), failed.toString());
        assertTrue(failed.get(0).get("message").get("en").asText().contains("applicant's own"), failed.toString());
        assertTrue(!front.toString().contains(CardHolder.WANG_FANG.residentId()), "no number in the event");

        // His own card opens the case: the mismatch was the only obstacle. Before it, none was opened.
        assertTrue(KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_OPENED, applicationId).isEmpty());
        uploadCardOf(applicant, applicationId, applicant);
        String caseId = await().atMost(WAIT)
                .until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_REVIEW_OPENED, applicationId),
                        list -> list.size() == 1)
                .get(0).get("caseId").asText();
        assertTrue(KafkaTestClient.eventsOf(EventType.ID_CARD_APPROVED, applicationId).isEmpty());

        // Staff close the case (a decision counts only signed by a reviewer: the runbook's block), so that the
        // queue other tests read is empty again.
        Runbook.run("reject", Map.of("KAFKA_CONFIG",
                KafkaCredentials.kcatConfig(KafkaTestClient.bootstrapServers(), "reviewer-001").toString(),
                "CASE_ID", caseId, "REVIEWER_ID", "reviewer-001", "REASON", "测试结束", "REASON_EN", "end of test",
                "CODE", "END_OF_TEST"), workDir);
        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_REJECTED, applicationId),
                list -> list.size() == 1);
    }

    private static List<JsonNode> failures(JsonNode checked) {
        List<JsonNode> failed = new java.util.ArrayList<>();
        checked.get("checks").forEach(check -> {
            if ("FAIL".equals(check.get("verdict").asText())) {
                failed.add(check);
            }
        });
        return failed;
    }

    private static void uploadCardOf(CardHolder holder, String applicationId, CardHolder uploader) {
        for (IdCardSide side : IdCardSide.values()) {
            byte[] photo = CardPhotos.photograph(side == IdCardSide.FRONT ? CardPhotos.renderFront(holder)
                    : CardPhotos.renderBack(holder), Placement.SLIGHTLY_TILTED);
            KafkaTestClient.publish(applicationId, new IdCardSideUploaded(applicationId, uploader.residentId(),
                    UUID.randomUUID().toString(), side, "image/jpeg", Base64.getEncoder().encodeToString(photo),
                    Instant.now()));
        }
    }
}
