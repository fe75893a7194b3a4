package org.elicence.idcard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.idcard.testing.Citizens;
import org.elicence.idcard.testing.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.EventType;
import org.elicence.messaging.TraceContext;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.IdCardUploadRequired;
import org.elicence.messaging.image.MetadataStripper;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 2 on the real broker and PostgreSQL: each registry category gives its own events. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "idcard_test"))
class RegistryLookupFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void recentCardWithPhotoGoesToThePhotoAudit() throws Exception {
        String applicationId = apply(Citizens.ZHANG_WEI, "张伟");

        JsonNode request = await().atMost(WAIT).until(
                () -> KafkaTestClient.eventsOf(EventType.PHOTO_AUDIT_REQUESTED, applicationId), list -> !list.isEmpty())
                .get(0);
        assertEquals("ID_REGISTRY", request.get("source").asText());
        assertEquals("image/jpeg", request.get("contentType").asText());
        assertEquals(Citizens.ZHANG_WEI, request.get("applicantId").asText());
        byte[] sent = Base64.getDecoder().decode(request.get("imageBase64").asText());
        try (InputStream photo = getClass().getResourceAsStream("/test-registry-photos/citizen-1.jpg")) {
            byte[] stored = photo.readAllBytes();
            // the stored file carries an EXIF owner's name and a comment, as a real registry's files may
            assertTrue(contains(stored, "Registry Camera Owner") && contains(stored, "File source"));
            assertArrayEquals(MetadataStripper.strip(stored).bytes(), sent,
                    "the registry photo is sent as the applicant's uploads are stored: without its metadata");
        }
        assertFalse(contains(sent, "Registry Camera Owner"), "EXIF sent with the registry photo");
        assertFalse(contains(sent, "File source"), "a comment sent with the registry photo");
        JsonNode retrieved = await().atMost(WAIT).until(
                () -> KafkaTestClient.eventsOf(EventType.ID_REGISTRY_PHOTO_RETRIEVED, applicationId),
                list -> !list.isEmpty()).get(0);
        assertEquals(request.get("photoId").asText(), retrieved.get("photoId").asText());
        assertTrue(KafkaTestClient.eventsOf(EventType.ID_CARD_UPLOAD_REQUIRED, applicationId).isEmpty());
    }

    @Test
    void eachCategoryWithoutAUsablePhotoAsksForTheCard() {
        assertUploadRequired(Citizens.WANG_FANG, IdCardUploadRequired.CARD_ISSUED_BEFORE_CUTOFF);
        assertUploadRequired(Citizens.HUANG_LI, IdCardUploadRequired.CARD_ISSUED_BEFORE_CUTOFF);
        assertUploadRequired(Citizens.CHEN_JING, IdCardUploadRequired.NO_USABLE_PHOTO);
        assertUploadRequired(Citizens.SUN_YUE, IdCardUploadRequired.NO_USABLE_PHOTO);
        assertUploadRequired(Citizens.ZHAO_MIN, IdCardUploadRequired.NOT_IN_REGISTRY);
        // the test registry's file for LI Na is cut short: no well-formed image, so no usable photo
        assertUploadRequired(Citizens.LI_NA, IdCardUploadRequired.NO_USABLE_PHOTO);
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        String applicationId = UUID.randomUUID().toString();
        ApplicationCreated created = new ApplicationCreated(applicationId, Citizens.CHEN_JING, "陈静", Instant.now());
        String eventId = KafkaTestClient.publish(applicationId, created);
        KafkaTestClient.publish(applicationId, created, eventId);
        // A different event id for the same application is also absorbed: the first lookup stands.
        KafkaTestClient.publish(applicationId, created);
        String marker = apply(Citizens.ZHAO_MIN, "赵敏");

        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_UPLOAD_REQUIRED, marker),
                list -> !list.isEmpty());
        assertEquals(1, KafkaTestClient.eventsOf(EventType.ID_CARD_UPLOAD_REQUIRED, applicationId).size());
    }

    /** The same application announced again naming another applicant is a fault or a forgery: dead-lettered. */
    @Test
    void anApplicationAnnouncedAgainInAnotherNameIsDeadLettered() {
        String applicationId = apply(Citizens.CHEN_JING, "陈静");
        KafkaTestClient.publish(applicationId, new ApplicationCreated(applicationId, Citizens.ZHAO_MIN, "赵敏",
                Instant.now()));
        String reason = await().atMost(WAIT).until(() -> KafkaTestClient.readAll("idcard-service.dlq").stream()
                .filter(record -> applicationId.equals(record.key()))
                .map(record -> KafkaTestClient.headerValue(record, "dead-letter-reason")).toList(),
                list -> !list.isEmpty()).get(0);
        assertTrue(reason.contains("announced again naming another applicant than the first time"), reason);
        assertEquals(1, KafkaTestClient.eventsOf(EventType.ID_CARD_UPLOAD_REQUIRED, applicationId).size());
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheConsumerGoesOn() {
        String applicationId = UUID.randomUUID().toString();
        KafkaTestClient.sendRaw("applications", applicationId, "{\"not\": \"a cloud event\"}");
        String after = apply(Citizens.SUN_YUE, "孙悦");

        List<ConsumerRecord<String, String>> dead = await().atMost(WAIT).until(
                () -> KafkaTestClient.readAll("idcard-service.dlq").stream()
                        .filter(record -> applicationId.equals(record.key())).toList(),
                list -> !list.isEmpty());
        String reason = KafkaTestClient.headerValue(dead.get(0), "dead-letter-reason");
        assertTrue(reason.contains("missing CloudEvents header"), reason);
        assertEquals("applications", KafkaTestClient.headerValue(dead.get(0), "dead-letter-topic"));
        await().atMost(WAIT).until(() -> KafkaTestClient.eventsOf(EventType.ID_CARD_UPLOAD_REQUIRED, after),
                list -> !list.isEmpty());
    }

    @Test
    void theTraceOfTheApplicationContinuesIntoTheEventsItCauses() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String applicationId = UUID.randomUUID().toString();
        KafkaTestClient.publish(applicationId, new ApplicationCreated(applicationId, Citizens.SUN_YUE, "孙悦", Instant.now()),
                UUID.randomUUID().toString(), Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));

        ConsumerRecord<String, String> required = await().atMost(WAIT).until(
                () -> KafkaTestClient.readAll(EventType.ID_CARD_UPLOAD_REQUIRED.topic()).stream()
                        .filter(record -> applicationId.equals(record.key()))
                        .filter(record -> EventType.ID_CARD_UPLOAD_REQUIRED.type()
                                .equals(KafkaTestClient.headerValue(record, "ce_type")))
                        .toList(),
                list -> !list.isEmpty()).get(0);
        TraceContext carried = TraceContext.of(required.headers()).orElseThrow(
                () -> new AssertionError("the event this service published carries no traceparent"));
        assertEquals(traceId, carried.traceId());
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
    }

    private static String apply(String residentId, String name) {
        String applicationId = UUID.randomUUID().toString();
        KafkaTestClient.publish(applicationId, new ApplicationCreated(applicationId, residentId, name, Instant.now()));
        return applicationId;
    }

    private static void assertUploadRequired(String residentId, String reason) {
        String applicationId = apply(residentId, "申请人");
        JsonNode required = await().atMost(WAIT).until(
                () -> KafkaTestClient.eventsOf(EventType.ID_CARD_UPLOAD_REQUIRED, applicationId),
                list -> !list.isEmpty()).get(0);
        assertEquals(reason, required.get("reason").asText(), residentId);
        assertTrue(required.at("/message/zh-CN").asText().contains("身份证"));
        assertTrue(required.at("/message/en").asText().contains("upload"));
        assertTrue(KafkaTestClient.eventsOf(EventType.PHOTO_AUDIT_REQUESTED, applicationId).isEmpty());
    }
}
