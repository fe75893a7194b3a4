package org.elicence.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a test needs from the real broker: publish events as another service would (CloudEvents
 * headers), publish raw records (poison), and wait for records on a topic. It logs in as the broker's admin
 * (it plays every other service), or as the principal given.
 */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public KafkaTestClient(String bootstrapServers) {
        this(bootstrapServers, KafkaCredentials.ADMIN);
    }

    /** Publishes as {@code principal}: the broker's ACLs decide what it may write. */
    public KafkaTestClient(String bootstrapServers, String principal) {
        this(bootstrapServers, principal, "none");
    }

    /**
     * Publishes as {@code principal}, compressing batches with {@code compressionType} as kcat's {@code -z} does: the
     * broker's size limits then apply to what was compressed, not to the records' values.
     */
    public KafkaTestClient(String bootstrapServers, String principal, String compressionType) {
        this.bootstrapServers = bootstrapServers;
        Properties props = KafkaCredentials.of(bootstrapServers, principal).clientProperties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compressionType);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Publishes {@code json} as a CloudEvent of {@code type}; returns its ce_id. */
    public String publishEvent(String topic, String key, String type, String json) {
        String id = UUID.randomUUID().toString();
        publishEvent(topic, key, type, json, id);
        return id;
    }

    public void publishEvent(String topic, String key, String type, String json, String eventId) {
        publishRaw(topic, key, json, Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type,
                "ce_source", "test", "ce_time", Instant.now().toString(), "content-type", "application/json"));
    }

    /** Publishes {@code value} signed by operator {@code principal}, as the runbook's kcat blocks send it. */
    public void publishAsOperator(String topic, String key, String value, String principal) {
        publishRaw(topic, key, value, OperatorSigner.of(bootstrapServers, principal).headers(topic, value));
    }

    public void publishRaw(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Waits until the topic holds a record matching {@code match}, reading it from the beginning. */
    public ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        List<ConsumerRecord<String, String>> found = awaitAll(topic, match, 1, timeout);
        return found.get(0);
    }

    /** Waits until at least {@code count} matching records exist; returns every match seen. */
    public List<ConsumerRecord<String, String>> awaitAll(String topic, Predicate<ConsumerRecord<String, String>> match,
            int count, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = newConsumer(bootstrapServers)) {
            assignFromBeginning(consumer, topic);
            List<ConsumerRecord<String, String>> matches = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        matches.add(record);
                    }
                }
                if (matches.size() >= count) {
                    return matches;
                }
            }
            throw new AssertionError("expected " + count + " matching record(s) on " + topic + " within " + timeout
                    + ", saw " + matches.size());
        }
    }

    /** Assigns the consumer every partition of {@code topic}, positioned at its first record. */
    private static List<TopicPartition> assignFromBeginning(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    /** Every record now on {@code topic}, read from the beginning up to the end offsets seen at the start. */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = newConsumer(bootstrapServers)) {
            List<TopicPartition> partitions = assignFromBeginning(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * The dead letters of one key, in the order their records had on the source topic. Handling of one key
     * is strictly ordered, but a dead letter is written while the key's next record is already being
     * handled, so the dead-letter topic itself may hold them in another order.
     */
    public List<ConsumerRecord<String, String>> awaitDeadLetters(String deadLetterTopic, String key, int count,
            Duration timeout) {
        return awaitAll(deadLetterTopic, record -> key.equals(record.key()), count, timeout).stream()
                .sorted(java.util.Comparator.comparingLong(record -> Long.parseLong(header(record, "dead-letter-offset"))))
                .toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, String> newConsumer(String bootstrapServers) {
        Properties props = KafkaCredentials.of(bootstrapServers, KafkaCredentials.ADMIN).clientProperties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
