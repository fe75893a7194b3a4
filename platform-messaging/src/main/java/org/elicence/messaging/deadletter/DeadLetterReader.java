package org.elicence.messaging.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.elicence.messaging.MessagingConfig;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads one record of this service's dead-letter topic by partition and offset, with the service's own broker
 * settings and principal ({@code kafka.*}) and no consumer group: nothing is committed, so reading a dead letter
 * never moves anyone's position. A short-lived client per read: replays are rare, and an idle client would hold a
 * connection and a fetch buffer of up to 16 MiB for nothing.
 */
@ApplicationScoped
public class DeadLetterReader {

    /** A dead letter is as large as the largest record (16 MiB) plus its reason headers. */
    private static final int MAX_FETCH_BYTES = 17 * 1024 * 1024;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> kafka;
    private final String clientId;

    @Inject
    public DeadLetterReader(@Identifier("default-kafka-broker") Map<String, Object> kafka, MessagingConfig config) {
        this.kafka = kafka;
        this.clientId = config.source() + "-dead-letter-reader";
    }

    /** The record at {@code partition}/{@code offset} of {@code topic}; empty when there is none (or no longer). */
    public Optional<ConsumerRecord<String, String>> read(String topic, int partition, long offset) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, READ_TIMEOUT);
            if (partitions == null || partitions.stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            TopicPartition at = new TopicPartition(topic, partition);
            consumer.assign(List.of(at));
            long first = consumer.beginningOffsets(List.of(at), READ_TIMEOUT).get(at);
            long end = consumer.endOffsets(List.of(at), READ_TIMEOUT).get(at);
            if (offset < first || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(at, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> polled;
                try {
                    polled = consumer.poll(POLL);
                } catch (OffsetOutOfRangeException deletedMeanwhile) {
                    return Optional.empty();
                }
                for (ConsumerRecord<String, String> record : polled) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty(); // a transaction marker or a compacted gap: no record there
                    }
                }
            }
            throw new IllegalStateException("the record at " + topic + " " + partition + "/" + offset
                    + " was not read within " + READ_TIMEOUT.toSeconds() + " s");
        }
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((name, value) -> {
            if (ConsumerConfig.configNames().contains(name)) {
                settings.put(name, value);
            }
        });
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // an offset deleted by retention between the check and the fetch is an error, not a jump to the end
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_FETCH_BYTES);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, MAX_FETCH_BYTES);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return settings;
    }
}
