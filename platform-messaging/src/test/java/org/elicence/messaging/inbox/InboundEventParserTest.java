package org.elicence.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.messaging.CloudEventHeaders;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Records as a consumer receives them, built directly: the good one parses, every poison says why. */
class InboundEventParserTest {

    private static final String APPLICATION_ID = "3f2c8a5e-7b1d-4c9e-a2f0-6d8b1e4c7a90";
    private static final String EVENT_ID = "0b7d9f2e-1a3c-4e5f-8b6d-2c4e6a8f0b13";
    private static final String RESIDENT_ID = "11010119900307213X";
    private static final String CREATED = "{\"applicationId\":\"" + APPLICATION_ID + "\",\"applicantId\":\""
            + RESIDENT_ID + "\",\"fullName\":\"张伟\",\"createdAt\":\"2025-03-14T08:30:00Z\"}";

    private final InboundEventParser parser = new InboundEventParser(new ObjectMapper());

    @Test
    void aWellFormedRecordParses() {
        ConsumerRecord<String, String> record = record(Topics.APPLICATIONS, APPLICATION_ID, CREATED);
        withCloudEventHeaders(record, EventType.APPLICATION_CREATED.type());

        InboundEvent event = parser.parse(record);

        assertEquals(EVENT_ID, event.id());
        assertEquals(EventType.APPLICATION_CREATED, event.type());
        assertEquals("application-service", event.source());
        assertEquals(Instant.parse("2025-03-14T08:30:00.123Z"), event.time());
        assertEquals(APPLICATION_ID, event.key());
        assertEquals(Topics.APPLICATIONS, event.topic());
        assertEquals(2, event.partition());
        assertEquals(17L, event.offset());
        assertEquals("张伟", event.data().get("fullName").asText());
        assertFalse(event.toString().contains(RESIDENT_ID), "toString must not print the data");
    }

    @ParameterizedTest
    @ValueSource(strings = { CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
            CloudEventHeaders.TIME })
    void aMissingCloudEventsHeaderIsPoison(String missing) {
        ConsumerRecord<String, String> record = record(Topics.APPLICATIONS, APPLICATION_ID, CREATED);
        withCloudEventHeaders(record, EventType.APPLICATION_CREATED.type());
        record.headers().remove(missing);

        PoisonEventException e = assertThrows(PoisonEventException.class, () -> parser.parse(record));

        assertEquals("missing CloudEvents header " + missing + " (topic applications, partition 2, offset 17)",
                e.getMessage());
    }

    @Test
    void anEmptyCloudEventsHeaderIsPoison() {
        ConsumerRecord<String, String> record = record(Topics.APPLICATIONS, APPLICATION_ID, CREATED);
        withCloudEventHeaders(record, EventType.APPLICATION_CREATED.type());
        record.headers().remove(CloudEventHeaders.ID).add(CloudEventHeaders.ID, new byte[0]);

        PoisonEventException e = assertThrows(PoisonEventException.class, () -> parser.parse(record));

        assertTrue(e.getMessage().startsWith("missing CloudEvents header ce_id"), e.getMessage());
    }

    /** PostgreSQL refuses a NUL in text: kept for de-duplication, such an id failed every attempt, never poison. */
    @Test
    void anIdWithAControlCharacterIsPoison() {
        ConsumerRecord<String, String> record = record(Topics.APPLICATIONS, APPLICATION_ID, CREATED);
        withCloudEventHeaders(record, EventType.APPLICATION_CREATED.type());
        record.headers().remove(CloudEventHeaders.ID).add(CloudEventHeaders.ID, bytes("a\u0000b"));

        PoisonEventException e = assertThrows(PoisonEventException.class, () -> parser.parse(record));

        assertEquals("ce_id has a control character", e.getMessage());
    }

    @Test
    void anUnknownTypeIsPoison() {
        ConsumerRecord<String, String> record = record(Topics.APPLICATIONS, APPLICATION_ID, CREATED);
        withCloudEventHeaders(record, "org.elicence.application.created.v2");

        PoisonEventException e = assertThrows(PoisonEventException.class, () -> parser.parse(record));

        assertEquals("unknown event type 'org.elicence.application.created.v2'", e.getMessage());
    }

    /**
     * Headers are the producer's text: one of megabytes, quoted whole in the reason, would make a dead letter too
     * large for its topic (the record neither handled nor set aside). A reason quotes 100 characters of a header, says
     * how long it was, and is never longer than 2,000 characters; an id longer than processed_event keeps is poison.
     */
    @Test
    void whatAReasonQuotesOfAHeaderIsBounded() {
        String huge = "x".repeat(3_000_000);
        ConsumerRecord<String, String> unknownType = record(Topics.APPLICATIONS, APPLICATION_ID, CREATED);
        withCloudEventHeaders(unknownType, huge);
        String reason = assertThrows(PoisonEventException.class, () -> parser.parse(unknownType)).getMessage();
        assertEquals("unknown event type '" + "x".repeat(100) + "… (3000000 characters)'", reason);

        ConsumerRecord<String, String> longId = record(Topics.APPLICATIONS, APPLICATION_ID, CREATED);
        withCloudEventHeaders(longId, EventType.APPLICATION_CREATED.type());
        longId.headers().remove(CloudEventHeaders.ID).add(CloudEventHeaders.ID, bytes("7".repeat(201)));
        assertEquals("ce_id '" + "7".repeat(100) + "… (201 characters)' is longer than 200 characters",
                assertThrows(PoisonEventException.class, () -> parser.parse(longId)).getMessage());

        assertEquals(PoisonEventException.MAX_REASON_LENGTH, new PoisonEventException(huge).getMessage().length());
        ConsumerRecord<String, String> hugeKey = record(Topics.APPLICATIONS, huge, CREATED);
        withCloudEventHeaders(hugeKey, EventType.APPLICATION_CREATED.type());
        assertTrue(parser.parse(hugeKey).toString().length() < 300, "the key is cut in what is logged");
    }

    @Test
    void aTypeOnTheWrongTopicIsPoison() {
        ConsumerRecord<String, String> record = record(Topics.LICENCE_EVENTS, APPLICATION_ID, CREATED);
        withCloudEventHeaders(record, EventType.APPLICATION_CREATED.type());

        PoisonEventException e = assertThrows(PoisonEventException.class, () -> parser.parse(record));

        assertEquals("org.elicence.application.created.v1 does not belong on topic licence-events", e.getMessage());
    }

    @Test
    void aBadTimeIsPoison() {
        ConsumerRecord<String, String> record = record(Topics.APPLICATIONS, APPLICATION_ID, CREATED);
        withCloudEventHeaders(record, EventType.APPLICATION_CREATED.type());
        record.headers().remove(CloudEventHeaders.TIME).add(CloudEventHeaders.TIME, bytes("yesterday"));

        PoisonEventException e = assertThrows(PoisonEventException.class, () -> parser.parse(record));

        assertEquals("ce_time is not an RFC 3339 timestamp: yesterday", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " " })
    void aRecordWithoutKeyIsPoison(String key) {
        ConsumerRecord<String, String> record = record(Topics.APPLICATIONS, key, CREATED);
        withCloudEventHeaders(record, EventType.APPLICATION_CREATED.type());

        PoisonEventException e = assertThrows(PoisonEventException.class, () -> parser.parse(record));

        assertEquals("event " + EVENT_ID + " has no key (the application id)", e.getMessage());
    }

    @Test
    void aNullKeyIsPoison() {
        ConsumerRecord<String, String> record = record(Topics.APPLICATIONS, null, CREATED);
        withCloudEventHeaders(record, EventType.APPLICATION_CREATED.type());

        assertThrows(PoisonEventException.class, () -> parser.parse(record));
    }

    @Test
    void dataThatIsNotJsonIsPoisonAndSaysWhere() {
        ConsumerRecord<String, String> record = record(Topics.APPLICATIONS, APPLICATION_ID,
                "{\"applicationId\": \"" + APPLICATION_ID + "\",\n oops}");
        withCloudEventHeaders(record, EventType.APPLICATION_CREATED.type());

        PoisonEventException e = assertThrows(PoisonEventException.class, () -> parser.parse(record));

        assertTrue(e.getMessage().startsWith("event " + EVENT_ID + " data is not JSON (line 2, column"),
                e.getMessage());
    }

    @Test
    void aNullValueIsPoison() {
        ConsumerRecord<String, String> record = record(Topics.APPLICATIONS, APPLICATION_ID, null);
        withCloudEventHeaders(record, EventType.APPLICATION_CREATED.type());

        PoisonEventException e = assertThrows(PoisonEventException.class, () -> parser.parse(record));

        assertEquals("event " + EVENT_ID + " has no data", e.getMessage());
    }

    @Test
    void aSchemaViolationIsPoisonAndNamesTheFieldButNotThePersonalData() {
        String bad = CREATED.replace(RESIDENT_ID, "1101011990030721");
        ConsumerRecord<String, String> record = record(Topics.APPLICATIONS, APPLICATION_ID, bad);
        withCloudEventHeaders(record, EventType.APPLICATION_CREATED.type());

        PoisonEventException e = assertThrows(PoisonEventException.class, () -> parser.parse(record));

        assertTrue(e.getMessage().startsWith("event " + EVENT_ID + " violates the org.elicence.application.created.v1 "
                + "schema: "), e.getMessage());
        assertTrue(e.getMessage().contains("applicantId"), e.getMessage());
        assertFalse(e.getMessage().contains("1101011990030721"), e.getMessage());
    }

    @Test
    void jsonThatIsNotAnObjectIsPoison() {
        ConsumerRecord<String, String> record = record(Topics.APPLICATIONS, APPLICATION_ID, "[1, 2]");
        withCloudEventHeaders(record, EventType.APPLICATION_CREATED.type());

        PoisonEventException e = assertThrows(PoisonEventException.class, () -> parser.parse(record));

        assertTrue(e.getMessage().contains("violates the org.elicence.application.created.v1 schema"), e.getMessage());
    }

    private static ConsumerRecord<String, String> record(String topic, String key, String value) {
        return new ConsumerRecord<>(topic, 2, 17L, key, value);
    }

    private static void withCloudEventHeaders(ConsumerRecord<String, String> record, String type) {
        record.headers()
                .add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE))
                .add(CloudEventHeaders.ID, bytes(EVENT_ID))
                .add(CloudEventHeaders.TYPE, bytes(type))
                .add(CloudEventHeaders.SOURCE, bytes("application-service"))
                .add(CloudEventHeaders.TIME, bytes("2025-03-14T08:30:00.123Z"))
                .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
