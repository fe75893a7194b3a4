package org.elicence.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates event data against the JSON Schema of its type. Thread-safe; schemas load once. */
public final class EventSchemas {

    private static final Map<EventType, JsonSchema> SCHEMAS = loadAll();

    private EventSchemas() {
    }

    /** @return the violations, empty when {@code data} is valid. */
    public static List<String> violations(EventType type, JsonNode data) {
        return SCHEMAS.get(type).validate(data).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .collect(Collectors.toList());
    }

    public static void requireValid(EventType type, JsonNode data) {
        List<String> violations = violations(type, data);
        if (!violations.isEmpty()) {
            throw new SchemaViolationException(type, violations);
        }
    }

    private static Map<EventType, JsonSchema> loadAll() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no JSON Schema for " + type.type() + " at " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }

    public static final class SchemaViolationException extends IllegalArgumentException {
        private final transient List<String> violations;

        SchemaViolationException(EventType type, List<String> violations) {
            super(type.type() + " violates its schema: " + String.join("; ", violations));
            this.violations = List.copyOf(violations);
        }

        public List<String> violations() {
            return violations;
        }
    }
}
