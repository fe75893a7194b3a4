package org.elicence.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.elicence.infra.TopicCatalogue;
import org.elicence.infra.TopicCatalogue.TopicSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documentation honest: {@code docs/asyncapi.yaml} and {@code docs/events.md} must list
 * every event type of {@link EventType} and every topic of {@code deploy/topics.conf}, with the
 * partitions and retention the broker really gets; every schema file must be a valid JSON Schema
 * and every example in events.md must validate against its type's schema. Plain JUnit: the files
 * are read relative to the module directory, surefire's working directory.
 */
class EventCatalogueDocumentationTest {

    private static final Path REPO = Path.of("..");
    private static final Path DOCS = REPO.resolve("docs");
    private static final Path ASYNCAPI = DOCS.resolve("asyncapi.yaml");
    private static final Path EVENTS_MD = DOCS.resolve("events.md");
    private static final Path TOPICS_CONF = REPO.resolve("deploy").resolve("topics.conf");
    private static final String SCHEMA_DIR = "platform-messaging/src/main/resources/org/elicence/messaging/schemas";
    private static final Path SCHEMAS = REPO.resolve(SCHEMA_DIR);
    private static final Set<String> CLOUD_EVENT_HEADERS = Set.of("ce_specversion", "ce_id", "ce_type", "ce_source",
            "ce_time");
    private static final Set<String> DEAD_LETTER_HEADERS = Set.of("dead-letter-reason", "dead-letter-cause",
            "dead-letter-topic", "dead-letter-partition", "dead-letter-offset", "dead-letter-exception-class-name",
            "dead-letter-cause-class-name");
    private static final Pattern EXAMPLE_LINE = Pattern.compile("^Example `([^`]+)`:?\\s*$");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMA_FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static Map<String, TopicSpec> topics;
    private static JsonNode asyncapi;
    private static List<String> eventsMd;

    @BeforeAll
    static void read() throws IOException {
        assertTrue(Files.isRegularFile(TOPICS_CONF), TOPICS_CONF.toAbsolutePath() + " is missing");
        assertTrue(Files.isRegularFile(ASYNCAPI), ASYNCAPI.toAbsolutePath() + " is missing");
        assertTrue(Files.isRegularFile(EVENTS_MD), EVENTS_MD.toAbsolutePath() + " is missing");
        topics = readTopics();
        asyncapi = new ObjectMapper(new YAMLFactory()).readTree(ASYNCAPI.toFile());
        eventsMd = Files.readAllLines(EVENTS_MD, StandardCharsets.UTF_8);
    }

    private static Map<String, TopicSpec> readTopics() {
        Map<String, TopicSpec> result = new LinkedHashMap<>();
        TopicCatalogue.read(TOPICS_CONF).forEach(topic -> result.put(topic.name(), topic));
        assertFalse(result.isEmpty(), "topics.conf lists no topic");
        return result;
    }

    // --- topics.conf and the code agree ----------------------------------------------------------

    @Test
    void everyEventTravelsOnATopicTheBrokerCreates() {
        for (EventType type : EventType.values()) {
            assertTrue(topics.containsKey(type.topic()), type + " uses topic " + type.topic()
                    + ", which deploy/topics.conf does not create");
        }
    }

    /** A handled event's id outlives every record of its topic, so a topic replayed from its start is skipped. */
    @Test
    void processedEventIdsOutliveTheRecordsOfEveryTopic() throws NoSuchMethodException {
        Duration kept = Duration.parse(MessagingConfig.Consumer.class.getMethod("processedRetention")
                .getAnnotation(io.smallrye.config.WithDefault.class).value());
        long longestTopic = topics.values().stream().mapToLong(TopicSpec::retentionMs).max().orElseThrow();
        // Kafka deletes a record with its segment, which rolls every 7 days by default (no topic sets segment.ms)
        long longestRecord = longestTopic + Duration.ofDays(7).toMillis();
        assertTrue(kept.toMillis() > longestRecord, "messaging.consumer.processed-retention " + kept
                + " ends before the last records of a topic are deleted (" + Duration.ofMillis(longestRecord) + ")");
    }

    // --- asyncapi.yaml ---------------------------------------------------------------------------

    @Test
    void asyncApiIsVersion3WithTheLocalKafkaServer() {
        assertTrue(asyncapi.path("asyncapi").asText().startsWith("3."), "asyncapi: " + asyncapi.path("asyncapi"));
        assertFalse(asyncapi.path("info").path("title").asText().isBlank(), "info.title");
        JsonNode local = asyncapi.path("servers").path("local");
        assertEquals("localhost:9092", local.path("host").asText(), "servers.local.host");
        assertEquals("kafka", local.path("protocol").asText(), "servers.local.protocol");
    }

    @Test
    void everyTopicIsAChannelWithItsPartitionsAndRetention() {
        Map<String, JsonNode> channelsByAddress = channelsByAddress();
        List<String> problems = new ArrayList<>();
        for (TopicSpec topic : topics.values()) {
            JsonNode channel = channelsByAddress.get(topic.name());
            if (channel == null) {
                problems.add("no channel with address " + topic.name());
                continue;
            }
            if (channel.path("description").asText().isBlank()) {
                problems.add(topic.name() + ": no description");
            }
            JsonNode kafka = channel.path("bindings").path("kafka");
            expect(problems, topic.name() + " partitions", (long) topic.partitions(), kafka.path("partitions").asLong(-1));
            JsonNode config = kafka.path("topicConfiguration");
            expect(problems, topic.name() + " retention.ms", topic.retentionMs(), config.path("retention.ms").asLong(-1));
            expect(problems, topic.name() + " max.message.bytes", (long) topic.maxMessageBytes(),
                    config.path("max.message.bytes").asLong(-1));
        }
        for (String address : channelsByAddress.keySet()) {
            if (!topics.containsKey(address)) {
                problems.add("channel " + address + " is not a topic of deploy/topics.conf");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyEventTypeIsAMessageWithItsHeadersAndSchema() {
        JsonNode messages = asyncapi.path("components").path("messages");
        List<String> problems = new ArrayList<>();
        for (EventType type : EventType.values()) {
            JsonNode message = messages.path(type.type());
            if (message.isMissingNode()) {
                problems.add("components.messages has no " + type.type());
                continue;
            }
            expect(problems, type + " name", type.name(), message.path("name").asText());
            expect(problems, type + " title", type.payloadType().getSimpleName(), message.path("title").asText());
            expect(problems, type + " contentType", "application/json", message.path("contentType").asText());
            expect(problems, type + " payload", "../" + SCHEMA_DIR + "/" + type.type() + ".json",
                    message.path("payload").path("$ref").asText());
            JsonNode headers = message.path("headers");
            Set<String> declared = fieldNames(headers.path("properties"));
            if (!declared.containsAll(CLOUD_EVENT_HEADERS)) {
                problems.add(type + " headers lack " + difference(CLOUD_EVENT_HEADERS, declared));
            }
            expect(problems, type + " ce_type const", type.type(),
                    headers.path("properties").path("ce_type").path("const").asText());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyEventTypeIsOnTheChannelOfItsTopic() {
        Map<String, JsonNode> channelsByAddress = channelsByAddress();
        List<String> problems = new ArrayList<>();
        for (EventType type : EventType.values()) {
            JsonNode channel = channelsByAddress.get(type.topic());
            if (channel == null) {
                problems.add("no channel for " + type.topic());
                continue;
            }
            Set<String> refs = new HashSet<>();
            channel.path("messages").forEach(m -> refs.add(m.path("$ref").asText()));
            if (!refs.contains("#/components/messages/" + type.type())) {
                problems.add("channel " + type.topic() + " does not list " + type.type());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyMessageIsSentByAnOperation() {
        Set<String> sent = new HashSet<>();
        List<String> problems = new ArrayList<>();
        asyncapi.path("operations").fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            String action = operation.path("action").asText();
            if (!action.equals("send") && !action.equals("receive")) {
                problems.add(op.getKey() + ": action " + action);
            }
            String channelRef = operation.path("channel").path("$ref").asText();
            JsonNode channel = resolve(channelRef);
            if (channel == null || !channelRef.startsWith("#/channels/")) {
                problems.add(op.getKey() + ": channel " + channelRef + " does not resolve");
                return;
            }
            for (JsonNode m : operation.path("messages")) {
                String ref = m.path("$ref").asText();
                // AsyncAPI 3: an operation's messages must be messages of its channel
                if (!ref.startsWith(channelRef + "/messages/") || resolve(ref) == null) {
                    problems.add(op.getKey() + ": message " + ref + " is not a message of " + channelRef);
                    continue;
                }
                if (action.equals("send")) {
                    sent.add(resolve(ref).path("$ref").asText());
                }
            }
        });
        for (EventType type : EventType.values()) {
            if (!sent.contains("#/components/messages/" + type.type())) {
                problems.add("no operation sends " + type.type());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void deadLetterTopicsCarryTheDeadLetterHeaders() {
        Map<String, JsonNode> channelsByAddress = channelsByAddress();
        List<String> problems = new ArrayList<>();
        for (String topic : topics.keySet()) {
            if (!topic.endsWith(".dlq")) {
                continue;
            }
            JsonNode channel = channelsByAddress.get(topic);
            if (channel == null) {
                continue; // reported by everyTopicIsAChannelWithItsPartitionsAndRetention
            }
            boolean hasHeaders = false;
            for (JsonNode m : channel.path("messages")) {
                JsonNode message = resolve(m.path("$ref").asText());
                if (message != null && fieldNames(message.path("headers").path("properties"))
                        .containsAll(DEAD_LETTER_HEADERS)) {
                    hasHeaders = true;
                }
            }
            if (!hasHeaders) {
                problems.add(topic + ": no message declares the headers " + DEAD_LETTER_HEADERS);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyReferenceResolves() {
        List<String> problems = new ArrayList<>();
        collectRefs(asyncapi, "", problems);
        assertEquals(List.of(), problems);
    }

    private void collectRefs(JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                if (target.startsWith("#")) {
                    if (resolve(target) == null) {
                        problems.add(at + ": " + target + " does not resolve");
                    }
                } else if (!Files.isRegularFile(DOCS.resolve(target).normalize())) {
                    problems.add(at + ": " + target + " is not a file (relative to docs/)");
                }
            }
            node.fields().forEachRemaining(e -> collectRefs(e.getValue(), at + "/" + e.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRefs(node.get(i), at + "/" + i, problems);
            }
        }
    }

    // --- the schema files ------------------------------------------------------------------------

    @Test
    void everySchemaFileIsAValidDraft202012SchemaOfACataloguedType() throws IOException {
        JsonSchema metaSchema = SCHEMA_FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        Set<String> types = Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        Set<String> files = new TreeSet<>();
        try (Stream<Path> listing = Files.list(SCHEMAS)) {
            listing.filter(p -> p.toString().endsWith(".json")).forEach(p -> files.add(p.getFileName().toString()));
        }
        for (String file : files) {
            String type = file.substring(0, file.length() - ".json".length());
            if (!types.contains(type)) {
                problems.add(file + " is the schema of no EventType");
            }
            String text = Files.readString(SCHEMAS.resolve(file), StandardCharsets.UTF_8);
            JsonNode schema;
            try {
                schema = JSON.readTree(text);
            } catch (IOException e) {
                problems.add(file + " is not JSON: " + e.getMessage());
                continue;
            }
            Set<ValidationMessage> invalid = metaSchema.validate(schema);
            if (!invalid.isEmpty()) {
                problems.add(file + " violates the 2020-12 meta-schema: " + invalid);
            }
            try {
                SCHEMA_FACTORY.getSchema(text, InputFormat.JSON).initializeValidators();
            } catch (RuntimeException e) {
                problems.add(file + " does not load: " + e.getMessage());
            }
            expect(problems, file + " $schema", "https://json-schema.org/draft/2020-12/schema",
                    schema.path("$schema").asText());
            expect(problems, file + " $id", "urn:elicence:schema:" + type, schema.path("$id").asText());
        }
        for (EventType type : EventType.values()) {
            if (!files.contains(type.type() + ".json")) {
                problems.add("no schema file for " + type.type());
            } else {
                JsonNode schema = JSON.readTree(SCHEMAS.resolve(type.type() + ".json").toFile());
                expect(problems, type + " schema title", type.payloadType().getSimpleName(),
                        schema.path("title").asText());
            }
        }
        assertEquals(List.of(), problems);
    }

    // --- events.md -------------------------------------------------------------------------------

    @Test
    void eventsMdHasEveryTopicInItsTableWithPartitionsRetentionAndSize() {
        Map<String, List<String>> rows = new HashMap<>();
        for (String line : eventsMd) {
            Matcher row = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|(.*)$").matcher(line);
            if (row.matches()) {
                rows.putIfAbsent(row.group(1), Arrays.stream(row.group(2).split("\\|")).map(String::strip).toList());
            }
        }
        List<String> problems = new ArrayList<>();
        for (TopicSpec topic : topics.values()) {
            List<String> cells = rows.get(topic.name());
            if (cells == null) {
                problems.add("events.md: no table row for topic " + topic.name());
                continue;
            }
            if (cells.size() < 6) {
                problems.add("events.md: the row of " + topic.name() + " has " + cells.size() + " cells after the name");
                continue;
            }
            expect(problems, topic.name() + " partitions", String.valueOf(topic.partitions()), cells.get(0));
            if (!numbersIn(cells.get(1)).contains(topic.retentionMs())) {
                problems.add(topic.name() + ": the retention cell '" + cells.get(1) + "' does not say "
                        + topic.retentionMs() + " ms");
            }
            if (!numbersIn(cells.get(2)).contains((long) topic.maxMessageBytes())) {
                problems.add(topic.name() + ": the max-message cell '" + cells.get(2) + "' does not say "
                        + topic.maxMessageBytes() + " bytes");
            }
        }
        for (String name : rows.keySet()) {
            if (name.contains("-") && !name.startsWith("ce_") && !name.startsWith("dead-letter")
                    && !topics.containsKey(name) && rows.get(name).size() >= 6) {
                problems.add("events.md: topic row " + name + " is not in deploy/topics.conf");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void eventsMdHasASectionForEveryEventType() {
        List<String> problems = new ArrayList<>();
        for (EventType type : EventType.values()) {
            boolean heading = eventsMd.stream()
                    .anyMatch(l -> l.matches("^#{2,6} .*") && l.contains("`" + type.type() + "`"));
            if (!heading) {
                problems.add("events.md: no heading naming `" + type.type() + "`");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyExampleInEventsMdValidatesAndReadsIntoItsRecord() {
        ObjectMapper strict = SampleEvents.objectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, Integer> examples = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < eventsMd.size(); i++) {
            if (!eventsMd.get(i).strip().equals("```json")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < eventsMd.size() && !eventsMd.get(end).strip().equals("```")) {
                end++;
            }
            String body = String.join("\n", eventsMd.subList(start, end));
            int lineNo = i + 1;
            String named = precedingNonBlank(i);
            Matcher example = EXAMPLE_LINE.matcher(named);
            i = end;
            if (!example.matches()) {
                problems.add("events.md:" + lineNo + ": a ```json block must follow a line 'Example `<type>`:', not '"
                        + named + "'");
                continue;
            }
            String typeName = example.group(1);
            EventType type = EventType.fromType(typeName).orElse(null);
            if (type == null) {
                problems.add("events.md:" + lineNo + ": unknown event type " + typeName);
                continue;
            }
            examples.merge(typeName, 1, Integer::sum);
            try {
                JsonNode data = JSON.readTree(body);
                List<String> violations = EventSchemas.violations(type, data);
                if (!violations.isEmpty()) {
                    problems.add("events.md:" + lineNo + ": the " + typeName + " example violates its schema: "
                            + violations);
                }
                strict.treeToValue(data, type.payloadType());
            } catch (IOException e) {
                problems.add("events.md:" + lineNo + ": the " + typeName + " example: " + e.getMessage());
            }
        }
        for (EventType type : EventType.values()) {
            if (!examples.containsKey(type.type())) {
                problems.add("events.md: no example of " + type.type());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theSchemasDirectoryIsWhereTheClasspathResourcesComeFrom() throws IOException {
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    fail("no classpath resource " + type.schemaResource());
                }
                assertEquals(JSON.readTree(SCHEMAS.resolve(type.type() + ".json").toFile()), JSON.readTree(in),
                        type.schemaResource());
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String precedingNonBlank(int index) {
        for (int j = index - 1; j >= 0; j--) {
            if (!eventsMd.get(j).isBlank()) {
                return eventsMd.get(j).strip();
            }
        }
        return "";
    }

    private static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        asyncapi.path("channels").fields().forEachRemaining(e -> {
            String address = e.getValue().path("address").asText();
            if (result.put(address, e.getValue()) != null) {
                fail("two channels have the address " + address);
            }
        });
        return result;
    }

    /** Resolves a local JSON pointer reference ({@code #/a/b}) in the AsyncAPI document. */
    private static JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode node = asyncapi.at(ref.substring(1));
        return node.isMissingNode() ? null : node;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> difference(Set<String> all, Set<String> present) {
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(present);
        return missing;
    }

    private static Set<Long> numbersIn(String cell) {
        Set<Long> numbers = new HashSet<>();
        Matcher m = Pattern.compile("\\d[\\d_,]*").matcher(cell);
        while (m.find()) {
            numbers.add(Long.parseLong(m.group().replace("_", "").replace(",", "")));
        }
        return numbers;
    }

    private static void expect(List<String> problems, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + expected + " but the document says " + actual);
        }
    }
}
