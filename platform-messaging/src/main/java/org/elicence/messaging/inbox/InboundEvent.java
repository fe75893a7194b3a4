package org.elicence.messaging.inbox;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.elicence.messaging.EventType;

/** A received event: its CloudEvents attributes, where it came from, and its validated data. */
public record InboundEvent(String id, EventType type, String source, Instant time, String key, String topic,
        int partition, long offset, JsonNode data) {

    @Override
    public String toString() {
        return "InboundEvent[id=" + id + ", type=" + type.type() + ", key=" + key + ", " + topic + "/" + partition
                + "@" + offset + "]";
    }
}
