package org.elicence.system;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elicence.infra.KafkaCredentials;
import org.elicence.infra.OperatorSigner;

/**
 * A reviewer who approves every pending ID-card case as soon as it opens, writing the same decision
 * record the runbook's kcat command writes (docs/operator-runbook.md, "Approve"), signed as that block signs
 * it. It stands in for the office staff in the fault and load runs, where a human's reaction time would only
 * add noise.
 */
final class AutomatedReviewer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REVIEWER = "reviewer-001";

    private final String bootstrap;
    private final OperatorSigner signer;
    private final Set<String> decided = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;

    AutomatedReviewer(String bootstrap) {
        this.bootstrap = bootstrap;
        this.signer = OperatorSigner.of(bootstrap, REVIEWER);
        this.thread = new Thread(this::review, "automated-reviewer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    int approvals() {
        return decided.size();
    }

    private void review() {
        // Logged in as a reviewer, as staff are: it may read the cases and write its decisions, nothing else.
        Properties consumerProps = KafkaCredentials.of(bootstrap, REVIEWER).clientProperties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        Properties producerProps = KafkaCredentials.of(bootstrap, REVIEWER).clientProperties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                new StringDeserializer());
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                        new StringSerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("idcard-review-cases").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    approveIfPending(producer, record.value());
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                throw e;
            }
        }
    }

    private void approveIfPending(KafkaProducer<String, String> producer, String value) {
        JsonNode reviewCase;
        try {
            reviewCase = JSON.readTree(value);
        } catch (Exception notJson) {
            return;
        }
        String caseId = reviewCase.path("caseId").asText();
        if (!"PENDING".equals(reviewCase.path("status").asText()) || !decided.add(caseId)) {
            return;
        }
        String decision = JSON.createObjectNode().put("decisionId", UUID.randomUUID().toString()).put("caseId", caseId)
                .put("reviewerId", REVIEWER).put("decision", "APPROVE").toString();
        // The producer retries by itself while the broker restarts; get() waits for the ack.
        while (running) {
            try {
                ProducerRecord<String, String> record = new ProducerRecord<>("idcard-review-decisions", caseId, decision);
                signer.headers(record.topic(), decision).forEach((name, header) ->
                        record.headers().add(name, header.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                producer.send(record).get();
                return;
            } catch (Exception retry) {
                sleep(500);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
