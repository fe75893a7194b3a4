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
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates event data against the JSON Schema of its type. Thread-safe; schemas load once.
 *
 * <p>The schemas mean what they say to any validator, not only to this one: patterns are ECMA-262 regular
 * expressions, whose {@code $} is the end of the text ({@link EcmaScriptEndAnchor}); {@code format} is asserted
 * (draft 2020-12 makes it an annotation unless asked). A consumer parses what the schema let through: what it could
 * not parse is poison here, refused at once, not a failure retried until it is dead-lettered. {@code contentEncoding}
 * stays an annotation: what an image that is no base64 means is the consumer's to say (photo-audit-service answers
 * the applicant with a FAIL, idcard-service refuses a reading as poison).
 */
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
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .regularExpressionFactory(EcmaScriptEndAnchor.INSTANCE)
                .build();
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no JSON Schema for " + type.type() + " at " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(in, config));
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
