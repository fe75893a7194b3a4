package org.elicence.messaging.inbox;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.elicence.messaging.BoundedText;
import org.elicence.messaging.EventType;

/** A received event: its CloudEvents attributes, where it came from, and its validated data. */
public record InboundEvent(String id, EventType type, String source, Instant time, String key, String topic,
        int partition, long offset, JsonNode data) {

    @Override
    public String toString() {
        // the key is the producer's text: the application id, or anything of any length on a faulty record
        return "InboundEvent[id=" + id + ", type=" + type.type() + ", key=" + BoundedText.quoted(key, 64) + ", " + topic
                + "/" + partition + "@" + offset + "]";
    }
}
