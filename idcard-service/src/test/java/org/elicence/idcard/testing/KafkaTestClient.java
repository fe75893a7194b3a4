package org.elicence.idcard.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.infra.KafkaCredentials;
import org.elicence.infra.OperatorSigner;
import org.elicence.messaging.CloudEventHeaders;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;

/**
 * Talks to the test's broker like another service would: produces CloudEvents records and reads
 * topics from the beginning with a plain consumer, checking every catalogued event against its schema.
 */
public final class KafkaTestClient {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private KafkaTestClient() {
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Produces {@code payload} as a CloudEvent of its catalogued type; returns the ce_id used. */
    public static String publish(String key, Object payload, String eventId) {
        return publish(key, payload, eventId, Map.of());
    }

    /** As {@link #publish(String, Object, String)}, with further headers (a W3C traceparent, say). */
    public static String publish(String key, Object payload, String eventId, Map<String, String> extraHeaders) {
        return publishTo(EventType.forPayload(payload.getClass()).orElseThrow().topic(), key, payload, eventId,
                extraHeaders);
    }

    /** As {@link #publish(String, Object, String, Map)}, onto {@code topic} whatever the event's own topic. */
    public static String publishTo(String topic, String key, Object payload, String eventId,
            Map<String, String> extraHeaders) {
        EventType type = EventType.forPayload(payload.getClass()).orElseThrow();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, toJson(payload));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, eventId);
        header(record, CloudEventHeaders.TYPE, type.type());
        header(record, CloudEventHeaders.SOURCE, "idcard-service-test");
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        extraHeaders.forEach((name, value) -> header(record, name, value));
        send(record);
        return eventId;
    }

    public static String publish(String key, Object payload) {
        return publish(key, payload, UUID.randomUUID().toString());
    }

    public static void sendRaw(String topic, String key, String value) {
        sendRaw(topic, key, value, Map.of());
    }

    /** A record with exactly these headers, as no service would write it. */
    public static void sendRaw(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> header(record, name, v));
        send(record);
    }

    /** A record signed by operator {@code principal}, as the runbook's kcat blocks send it. */
    public static void sendSigned(String topic, String key, String value, String principal) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        OperatorSigner.of(bootstrapServers(), principal).headers(topic, value).forEach((name, v) -> header(record, name, v));
        send(record);
    }

    /** Every record now on {@code topic}, read from the beginning. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return org.elicence.infra.KafkaTestClient.readAll(bootstrapServers(), topic);
    }

    /** The data of every event of {@code type} on its topic matching {@code filter}, each schema-checked. */
    public static List<JsonNode> events(EventType type, Predicate<JsonNode> filter) {
        List<JsonNode> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : readAll(type.topic())) {
            Header ceType = record.headers().lastHeader(CloudEventHeaders.TYPE);
            if (ceType == null || !type.type().equals(new String(ceType.value(), StandardCharsets.UTF_8))) {
                continue;
            }
            JsonNode data = readTree(record.value());
            List<String> violations = EventSchemas.violations(type, data);
            if (!violations.isEmpty()) {
                throw new AssertionError(type.type() + " violates its schema: " + violations);
            }
            if (filter.test(data)) {
                found.add(data);
            }
        }
        return found;
    }

    public static List<JsonNode> eventsOf(EventType type, String applicationId) {
        return events(type, data -> applicationId.equals(data.path("applicationId").asText()));
    }

    public static String headerValue(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage(), e);
        }
    }

    private static String toJson(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(ProducerRecord<String, String> record) {
        // As the broker's admin: the tests play the other services and the staff.
        Properties props = KafkaCredentials.of(bootstrapServers(), KafkaCredentials.ADMIN).clientProperties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + record.topic(), e);
        }
    }
}
