package org.elicence.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.Keyword;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.Vocabulary;

/**
 * Validates event data against the JSON Schema of its type. Thread-safe; schemas load once.
 *
 * <p>The schemas mean what they say to any validator, not only to this one: patterns are ECMA-262 regular
 * expressions, whose {@code $} is the end of the text ({@link EcmaScriptEndAnchor}); {@code format} is asserted
 * (draft 2020-12 makes it an annotation unless asked); {@code contentEncoding} is checked
 * ({@link Base64ContentKeyword}). A consumer parses what the schema let through: what it could not parse is poison
 * here, refused at once, not a failure retried until it is dead-lettered.
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
        JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .vocabularyFactory(EventSchemas::vocabulary)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(dialect));
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

    /** Draft 2020-12's vocabularies, with its content vocabulary's {@code contentEncoding} asserted. */
    private static Vocabulary vocabulary(String iri) {
        if (!Vocabulary.V202012_CONTENT.getIri().equals(iri)) {
            return null; // the library's own
        }
        Stream<Keyword> others = Vocabulary.V202012_CONTENT.getKeywords().stream()
                .filter(keyword -> !Base64ContentKeyword.KEYWORD.equals(keyword.getValue()));
        return new Vocabulary(iri, Stream.concat(others, Stream.of(new Base64ContentKeyword())).toArray(Keyword[]::new));
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
