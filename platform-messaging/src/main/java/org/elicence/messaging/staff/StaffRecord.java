package org.elicence.messaging.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.messaging.BoundedText;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.inbox.PoisonEventException;

/**
 * A record an operator typed with kcat onto a staff topic (a review decision): no CloudEvents headers, just a
 * JSON body. The consumers of those topics (idcard-service's ID-card review, application-service's photo
 * review) share how such a record is read:
 * <ul>
 * <li>a record without a value or whose value is not JSON is poison (dead-lettered, never retried);</li>
 * <li>valid JSON that does not match the schema is the consumer's to refuse onto its {@code -rejected} topic
 * ({@link #violations});</li>
 * <li>it is de-duplicated ({@link OperatorCommands}) by its id field ({@link #dedupKey}) once it passed the checks
 * of its kind, else by {@code partition/offset} ({@link #recordKey}), in the same transaction as its effect: the key
 * it was handled under is {@link #claimedKey};</li>
 * <li>fields are kept as typed, cut to {@link #MAX_FIELD_LENGTH}, so that even a malformed record is recorded;
 * the whole value is kept and echoed cut to {@link #MAX_KEPT_VALUE_LENGTH} ({@link #keptValue}).</li>
 * </ul>
 */
public final class StaffRecord {

    public static final int MAX_FIELD_LENGTH = 200;

    /**
     * Most characters of a record's value that are kept (in the service's records) and echoed (on its
     * {@code -rejected} topic, whose records may take 1 MiB): a real decision or command has a few hundred. Escaped in
     * JSON a character takes at most 6 bytes, so this many fit whatever they are. Before, the whole value was echoed:
     * a record longer than the event's schema allowed (a compressed record of a few KB can carry MBs of whitespace)
     * made a refusal that could not be written, and the record went to the dead letters, the reviewer untold. The
     * record itself stays on its topic, at the partition and offset kept beside it.
     */
    public static final int MAX_KEPT_VALUE_LENGTH = 16_384;

    private final ConsumerRecord<String, String> record;
    private final JsonNode json;
    private final String claimedKey;

    private StaffRecord(ConsumerRecord<String, String> record, JsonNode json, String claimedKey) {
        this.record = record;
        this.json = json;
        this.claimedKey = claimedKey;
    }

    /** @throws PoisonEventException when the record has no value or its value is not JSON */
    public static StaffRecord read(ConsumerRecord<String, String> record, ObjectMapper objectMapper, String what) {
        if (record.value() == null) {
            throw new PoisonEventException(what + " record " + record.partition() + "/" + record.offset()
                    + " has no value");
        }
        try {
            return new StaffRecord(record, objectMapper.readTree(record.value()), null);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException(what + " record " + record.partition() + "/" + record.offset()
                    + " is not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
    }

    public JsonNode json() {
        return json;
    }

    /** The id the operator gave the record, or {@code partition/offset} when it has no usable one. */
    public String dedupKey(String idField) {
        String id = text(idField);
        return id != null && !id.isBlank() ? id : recordKey();
    }

    /** The record itself, {@code partition/offset}: what a redelivery of this very record shares, and nothing else. */
    public String recordKey() {
        return record.partition() + "/" + record.offset();
    }

    /** This record, handled under {@code key} ({@link OperatorCommands} claimed it: its id, or its record key). */
    StaffRecord claimedAs(String key) {
        return new StaffRecord(record, json, key);
    }

    /**
     * The key {@link OperatorCommands} handles this record under: its id ({@link #dedupKey}) when it passed the checks
     * of its kind, its {@link #recordKey} when it was refused before (so that it does not use up the id); what a
     * service keeps the record under beside its effect or refusal.
     *
     * @throws IllegalStateException outside the handling of {@link OperatorCommands}
     */
    public String claimedKey() {
        if (claimedKey == null) {
            throw new IllegalStateException("record " + recordKey() + " has not been claimed");
        }
        return claimedKey;
    }

    /** A field as typed, cut to {@link #MAX_FIELD_LENGTH}; null when absent. */
    public String text(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.length() <= MAX_FIELD_LENGTH ? text : text.substring(0, MAX_FIELD_LENGTH);
    }

    /** A field that is a UUID (a case's id), or empty when it is absent or not one. */
    public Optional<UUID> uuid(String field) {
        String text = text(field);
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why the body does not match the schema of {@code type}; empty when it does. */
    public List<String> violations(EventType type) {
        return EventSchemas.violations(type, json);
    }

    public <T> T as(Class<T> type, ObjectMapper objectMapper) {
        return objectMapper.convertValue(json, type);
    }

    public String value() {
        return record.value();
    }

    /** The value as typed, cut to {@link #MAX_KEPT_VALUE_LENGTH} characters, never between the two of a pair. */
    public String keptValue() {
        return BoundedText.cut(record.value(), MAX_KEPT_VALUE_LENGTH);
    }

    public String topic() {
        return record.topic();
    }

    public String key() {
        return record.key();
    }

    public int partition() {
        return record.partition();
    }

    public long offset() {
        return record.offset();
    }
}
