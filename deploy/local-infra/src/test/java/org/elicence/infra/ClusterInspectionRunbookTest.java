package org.elicence.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook's cluster inspection blocks ("Cluster operations"), run verbatim against the authenticated local
 * broker as kafka-admin, the operators' read-only principal: kcat's, and those of Kafka's own tools with the Java
 * client settings the runbook makes from kafka-admin's kcat settings.
 */
class ClusterInspectionRunbookTest {

    /**
     * The runbook's {@code K}, here: the class each of Kafka's {@code bin/} scripts runs, on this module's test
     * classpath (Kafka's tools of the local broker's version). On Kubernetes {@code K} runs the scripts themselves
     * in the operators' pod.
     */
    private static final String KAFKA_TOOLS = """
            K() {
              local main
              case "${1##*/}" in
                kafka-topics.sh) main=org.apache.kafka.tools.TopicCommand ;;
                kafka-configs.sh) main=kafka.admin.ConfigCommand ;;
                kafka-consumer-groups.sh) main=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
                kafka-get-offsets.sh) main=org.apache.kafka.tools.GetOffsetShell ;;
                kafka-metadata-quorum.sh) main=org.apache.kafka.tools.MetadataQuorumCommand ;;
                *) echo "no stand-in for $1" >&2; return 2 ;;
              esac
              shift
              java -cp "$TOOLS_CLASSPATH" "$main" "$@"
            }
            """;

    private static KafkaBrokerProcess broker;

    @BeforeAll
    static void start() {
        broker = KafkaBrokerProcess.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void kafkaAdminDescribesATopicsPartitions(@TempDir Path workDir) {
        String out = Runbook.run("cluster-topic-describe", Map.of(
                "KAFKA_CONFIG", KafkaCredentials.kcatConfig(broker.bootstrapServers(), "kafka-admin").toString(),
                "TOPIC", "photo-audit-requests"), workDir);
        assertTrue(out.contains("topic \"photo-audit-requests\" with "), out);
        assertTrue(out.contains("partition 0, leader "), out);
        assertTrue(out.contains("isrs: "), out);
        assertTrue(!out.contains("authorization failed"), out);
    }

    @Test
    void kafkaToolsInspectAsKafkaAdminButMayNotResetOffsets(@TempDir Path workDir) throws Exception {
        groupWithLag("licence-events", 3, 1);
        Path kcatConfig = KafkaCredentials.kcatConfig(broker.bootstrapServers(), "kafka-admin");
        Runbook.run("kafka-tools-config", Map.of("KAFKA_CONFIG", kcatConfig.toString(),
                "TOOLS_CONFIG", "kafka-admin.properties"), workDir);
        Path toolsConfig = workDir.resolve("kafka-admin.properties");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(toolsConfig)));
        assertTrue(Files.readString(toolsConfig).contains("ssl.keystore.key=-----BEGIN PRIVATE KEY-----\\n"));
        Path shim = workDir.resolve("kafka-tools.sh");
        Files.writeString(shim, KAFKA_TOOLS, StandardCharsets.UTF_8);
        Map<String, String> tools = Map.of("BASH_ENV", shim.toString(),
                "TOOLS_CLASSPATH", System.getProperty("java.class.path"),
                "B", setting(kcatConfig, "bootstrap.servers"), "C", toolsConfig.toString());

        String topics = Runbook.run("kafka-tools-topics", with(tools, "TOPIC", "licence-events"), workDir);
        assertTrue(topics.contains("Topic: licence-events\tTopicId: "), topics);
        assertTrue(topics.contains("Partition: 0\tLeader: "), topics);
        assertTrue(topics.contains("retention.ms=2592000000"), topics);

        String groups = Runbook.run("kafka-tools-groups", with(tools, "GROUP", "application-service"), workDir);
        assertTrue(groups.lines().anyMatch("application-service"::equals), groups);
        assertTrue(row(groups, "application-service", "licence-events", "0", "1", "3", "2"), groups);

        String dlq = Runbook.run("kafka-tools-dlq-offsets", with(tools, "TOPIC", "photo-audit-service.dlq"), workDir);
        assertTrue(dlq.lines().anyMatch("photo-audit-service.dlq:0:0"::equals), dlq);

        Map<String, String> reset = with(with(with(tools, "GROUP", "application-service"), "TOPIC", "licence-events"),
                "SINCE", "2020-01-01T00:00:00.000");
        String dryRun = Runbook.run("kafka-tools-offset-reset-dry-run", reset, workDir);
        assertTrue(row(dryRun, "application-service", "licence-events", "0", "0"), dryRun);
        String execute = Runbook.attempt(Runbook.command("kafka-tools-offset-reset-dry-run").replace("--dry-run", "--execute"),
                reset, workDir);
        assertTrue(execute.contains("GroupAuthorizationException"), execute);
        String after = Runbook.run("kafka-tools-groups", with(tools, "GROUP", "application-service"), workDir);
        assertTrue(row(after, "application-service", "licence-events", "0", "1", "3", "2"), "offset moved: " + after);

        String quorum = Runbook.run("kafka-tools-quorum", tools, workDir);
        assertTrue(quorum.contains("LeaderId:"), quorum);
        assertTrue(quorum.contains("CurrentVoters:"), quorum);
        for (String out : List.of(topics, groups, dlq, dryRun, quorum)) {
            assertFalse(out.contains("AuthorizationException"), out);
        }
    }

    /** {@code count} records on partition 0 of {@code topic}, of which the topic's reader has committed {@code committed}. */
    private static void groupWithLag(String topic, int count, int committed) throws Exception {
        Properties producer = broker.credentials("license-issuer-service").clientProperties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> p = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                p.send(new ProducerRecord<>(topic, 0, "key-" + i, "{}")).get(10, TimeUnit.SECONDS);
            }
        }
        Properties consumer = broker.credentials("application-service").clientProperties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "application-service");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
            c.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(committed)), Duration.ofSeconds(10));
        }
    }

    /** Whether a line of the tools' table holds exactly these columns first. */
    private static boolean row(String table, String... columns) {
        Pattern pattern = Pattern.compile("^" + String.join("\\s+", columns) + "(\\s.*)?$");
        return table.lines().anyMatch(line -> pattern.matcher(line.strip()).matches());
    }

    private static String setting(Path kcatConfig, String name) throws IOException {
        return Files.readAllLines(kcatConfig).stream().filter(l -> l.startsWith(name + "="))
                .map(l -> l.substring(name.length() + 1)).findFirst().orElseThrow();
    }

    private static Map<String, String> with(Map<String, String> variables, String name, String value) {
        Map<String, String> all = new HashMap<>(variables);
        all.put(name, value);
        return all;
    }
}
