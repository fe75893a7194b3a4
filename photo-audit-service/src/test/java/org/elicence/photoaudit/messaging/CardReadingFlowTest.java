package org.elicence.photoaudit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.elicence.photoaudit.card.testing.CardHolder;
import org.elicence.photoaudit.card.testing.CardPhotos;
import org.elicence.photoaudit.card.testing.CardPhotos.Placement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * ID-card reading as deployed (docs/idcard.md, "Who reads the card"): idcard-service's requests on the real broker,
 * real OpenCV and Tesseract on photographs of rendered cards, the reading back on the broker for idcard-service.
 * LIU Yang uploads WANG Fang's card: every picture check passes and the number read is not his (ID19); ID15 is
 * left to idcard-service, and nothing of the card stays in this service's database.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "photo_audit_test"))
class CardReadingFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static KafkaTestClient kafka;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void anotherCitizensCardIsReadAsSuchAndNothingOfItIsKept() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        long auditRecordsBefore = auditRecords();
        byte[] front = CardPhotos.photograph(CardPhotos.renderFront(CardHolder.WANG_FANG), Placement.SLIGHTLY_TILTED);
        String uploadId = request(applicationId, "FRONT", front, CardHolder.LIU_YANG);

        JsonNode read = awaitReading(applicationId, uploadId);
        assertEquals("FRONT", read.get("side").asText());
        Map<String, JsonNode> checks = byRule(read);
        List<String> failed = checks.values().stream().filter(c -> "FAIL".equals(c.get("verdict").asText()))
                .map(c -> c.get("rule").asText()).toList();
        assertEquals(List.of("ID19"), failed, "only the number is not the applicant's: " + read.get("checks"));
        assertEquals("ID_NUMBER_MISMATCH", checks.get("ID19").get("code").asText());
        assertEquals("PASS", checks.get("ID16").get("verdict").asText(), "the number itself was read");
        assertFalse(checks.containsKey("ID15"), "front against back is idcard-service's to judge");
        assertEquals(1284, read.get("rectifiedCard").get("width").asInt());
        assertEquals(810, read.get("rectifiedCard").get("height").asInt());
        assertEquals(260, read.get("portrait").get("width").asInt());
        assertEquals(378, read.get("portrait").get("height").asInt());
        assertTrue(read.get("perceptualHash").isIntegralNumber(), read.get("perceptualHash").toString());
        String withoutImages = read.deepCopy().toString().replace(read.get("rectifiedCard").get("base64").asText(), "")
                .replace(read.get("portrait").get("base64").asText(), "");
        assertFalse(withoutImages.contains(CardHolder.WANG_FANG.residentId()), "the number read is not published");
        assertEquals(auditRecordsBefore, auditRecords(), "a card reading keeps no record here");
    }

    @Test
    void aBackIsReadWithoutPortraitAndAFileThatIsNoImageIsReadAsSuch() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        byte[] back = CardPhotos.photograph(CardPhotos.renderBack(CardHolder.LIU_YANG), Placement.SLIGHTLY_TILTED);
        String backId = request(applicationId, "BACK", back, CardHolder.LIU_YANG);
        JsonNode read = awaitReading(applicationId, backId);
        assertTrue(byRule(read).values().stream().noneMatch(c -> "FAIL".equals(c.get("verdict").asText())),
                read.get("checks").toString());
        assertTrue(read.get("portrait") == null || read.get("portrait").isNull(), "a back has no portrait");

        String garbageId = request(applicationId, "FRONT", "not an image".getBytes(), CardHolder.LIU_YANG);
        JsonNode garbage = awaitReading(applicationId, garbageId);
        assertEquals("FAIL", byRule(garbage).get("INPUT").get("verdict").asText(), garbage.get("checks").toString());
        assertTrue(garbage.get("perceptualHash") == null || garbage.get("perceptualHash").isNull());
    }

    private String request(String applicationId, String side, byte[] image, CardHolder applicant) {
        String uploadId = UUID.randomUUID().toString();
        String request = """
                {"applicationId":"%s","uploadId":"%s","side":"%s","contentType":"image/jpeg","imageBase64":"%s",
                 "applicantId":"%s","applicantName":"%s","requestedAt":"%s"}
                """.formatted(applicationId, uploadId, side, Base64.getEncoder().encodeToString(image),
                applicant.residentId(), applicant.name(), Instant.now());
        kafka.publishEvent(Topics.IDCARD_READING_REQUESTS, applicationId, EventType.ID_CARD_READING_REQUESTED.type(),
                request);
        return uploadId;
    }

    private JsonNode awaitReading(String applicationId, String uploadId) throws Exception {
        ConsumerRecord<String, String> record = kafka.await(Topics.IDCARD_READINGS,
                r -> applicationId.equals(r.key()) && r.value().contains(uploadId), WAIT);
        assertEquals(EventType.ID_CARD_SIDE_READ.type(), KafkaTestClient.header(record, "ce_type"));
        JsonNode read = json.readTree(record.value());
        assertEquals(List.of(), EventSchemas.violations(EventType.ID_CARD_SIDE_READ, read));
        return read;
    }

    private static Map<String, JsonNode> byRule(JsonNode read) {
        Map<String, JsonNode> rules = new HashMap<>();
        read.get("checks").forEach(check -> rules.put(check.get("rule").asText(), check));
        return rules;
    }

    private long auditRecords() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM photo_audit").getSingleResult()).longValue());
    }
}
