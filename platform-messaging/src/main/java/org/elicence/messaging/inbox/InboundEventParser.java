package org.elicence.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.elicence.messaging.BoundedText;
import org.elicence.messaging.CloudEventHeaders;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;

/** Turns a Kafka record into an {@link InboundEvent}, or says precisely why it is poison. */
public final class InboundEventParser {

    /** processed_event.event_id's length. */
    static final int MAX_ID_LENGTH = 200;

    /** How much of a header a reason quotes: headers are the producer's text, of any length. */
    private static final int QUOTED_LENGTH = 100;

    private final ObjectMapper objectMapper;

    public InboundEventParser(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public InboundEvent parse(ConsumerRecord<String, String> record) {
        String specVersion = requiredHeader(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            throw new PoisonEventException("unsupported CloudEvents spec version '" + quoted(specVersion) + "'");
        }
        String id = requiredHeader(record, CloudEventHeaders.ID);
        if (id.length() > MAX_ID_LENGTH) {
            // processed_event keeps it for de-duplication: longer, every attempt would fail and the reason not say why
            throw new PoisonEventException("ce_id '" + quoted(id) + "' is longer than " + MAX_ID_LENGTH
                    + " characters");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            // the same: PostgreSQL refuses a NUL in text, and no event id of this platform has a control character
            throw new PoisonEventException("ce_id has a control character");
        }
        String typeName = requiredHeader(record, CloudEventHeaders.TYPE);
        String source = requiredHeader(record, CloudEventHeaders.SOURCE);
        Instant time = parseTime(requiredHeader(record, CloudEventHeaders.TIME));
        EventType type = EventType.fromType(typeName)
                .orElseThrow(() -> new PoisonEventException("unknown event type '" + quoted(typeName) + "'"));
        if (!type.topic().equals(record.topic())) {
            throw new PoisonEventException(typeName + " does not belong on topic " + record.topic());
        }
        if (record.key() == null || record.key().isBlank()) {
            throw new PoisonEventException("event " + id + " has no key (the application id)");
        }
        JsonNode data = parseJson(id, record.value());
        List<String> violations = EventSchemas.violations(type, data);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("event " + id + " violates the " + typeName + " schema: "
                    + String.join("; ", violations));
        }
        return new InboundEvent(id, type, source, time, record.key(), record.topic(), record.partition(),
                record.offset(), data);
    }

    private JsonNode parseJson(String id, String value) {
        if (value == null) {
            throw new PoisonEventException("event " + id + " has no data");
        }
        try {
            return objectMapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event " + id + " data is not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    private static String requiredHeader(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new PoisonEventException("missing CloudEvents header " + name + " (topic " + record.topic()
                    + ", partition " + record.partition() + ", offset " + record.offset() + ")");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String quoted(String header) {
        return BoundedText.quoted(header, QUOTED_LENGTH);
    }

    private static Instant parseTime(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not an RFC 3339 timestamp: " + quoted(value));
        }
    }
}
