package org.elicence.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local broker as every test and run-local.sh get it: a client without credentials, with a wrong password,
 * or with a real credential of a principal not allowed the topic cannot write; the principal kafka-access.conf
 * names can.
 */
class AuthenticatedBrokerTest {

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
    void onlyTheNamedServiceWritesItsTopic() throws Exception {
        send(broker.credentials("photo-audit-service").clientProperties(), "photo-audit-results");

        Throwable wrongService = assertThrows(ExecutionException.class,
                () -> send(broker.credentials("application-service").clientProperties(), "photo-audit-results"));
        assertInstanceOf(TopicAuthorizationException.class, wrongService.getCause());
        Throwable reviewer = assertThrows(ExecutionException.class,
                () -> send(broker.credentials("reviewer-001").clientProperties(), "licence-events"));
        assertInstanceOf(TopicAuthorizationException.class, reviewer.getCause());
    }

    /**
     * The operators' inspection principal sees what the runbook's cluster operations show (a topic's partitions
     * and configuration, a group's committed offsets and the end offsets that make its lag, the brokers) and can
     * change nothing: it writes no record and adds no partition.
     */
    @Test
    void kafkaAdminLooksButChangesNothing() throws Exception {
        Properties props = broker.credentials("kafka-admin").clientProperties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            TopicDescription topic = admin.describeTopics(List.of("photo-audit-requests")).allTopicNames()
                    .get(15, TimeUnit.SECONDS).get("photo-audit-requests");
            assertFalse(topic.partitions().isEmpty());
            assertFalse(admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "licence-events")))
                    .all().get(15, TimeUnit.SECONDS).isEmpty());
            TopicPartition first = new TopicPartition("photo-audit-requests", 0);
            assertTrue(admin.listOffsets(Map.of(first, OffsetSpec.latest())).partitionResult(first)
                    .get(15, TimeUnit.SECONDS).offset() >= 0);
            admin.listConsumerGroupOffsets("photo-audit-service").partitionsToOffsetAndMetadata()
                    .get(15, TimeUnit.SECONDS);
            assertFalse(admin.describeCluster().nodes().get(15, TimeUnit.SECONDS).isEmpty());

            Throwable alter = assertThrows(ExecutionException.class, () -> admin.createPartitions(
                    Map.of("photo-audit-requests", NewPartitions.increaseTo(topic.partitions().size() + 1)))
                    .all().get(15, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, alter.getCause());
        }
        Throwable write = assertThrows(Exception.class,
                () -> send(broker.credentials("kafka-admin").clientProperties(), "photo-audit-requests"));
        // The idempotent producer is refused at its first step (cluster) before the topic is asked about. When that
        // refusal arrives before send(), send() throws it (the producer is in its error state); after, the send's
        // future fails with it: a race the test must not depend on.
        assertTrue(causes(write, AuthorizationException.class), () -> "not refused for authorization: " + write);
    }

    @Test
    void aWrongPasswordIsNotLetIn() {
        Properties forged = new KafkaCredentials("photo-audit-service", "guessed").clientProperties();
        Throwable failure = assertThrows(Exception.class, () -> send(forged, "photo-audit-results"));
        assertTrue(causes(failure, SaslAuthenticationException.class), failure.toString());
    }

    @Test
    void noCredentialsNoConnection() {
        // The listener speaks SASL only: a plain client never gets metadata, so nothing is written.
        Throwable failure = assertThrows(Exception.class, () -> send(new Properties(), "photo-audit-results"));
        assertTrue(failure.toString().contains("Timeout") || failure.toString().contains("timeout"), failure.toString());
    }

    /**
     * The issuing authorities read the licence register (licence numbers and statuses), never licence-events, where
     * every licence's credentials travel with the holder's ID number and portrait (docs/privacy.md).
     */
    @Test
    void theAuthoritiesReadTheRegisterButNotTheCredentials() {
        assertTrue(read(broker.credentials("traffic-police-hq").clientProperties(), "licence-register") >= 0);
        assertThrows(TopicAuthorizationException.class,
                () -> read(broker.credentials("traffic-police-beijing").clientProperties(), "licence-events"));
        assertThrows(TopicAuthorizationException.class,
                () -> read(broker.credentials("traffic-police-hq").clientProperties(), "licence-events"));
    }

    @Test
    void everyPrincipalOfTheAccessListHasCredentials() {
        List<KafkaAccess.Grant> grants = KafkaAccess.load();
        for (String principal : KafkaAccess.principals(grants)) {
            assertEquals(principal, broker.credentials(principal).principal());
        }
    }

    private static void send(Properties props, String topic) throws Exception {
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "{}")).get();
        }
    }

    /** The records of {@code topic}'s first partition from its beginning, as kcat -o beginning reads them. */
    private static int read(Properties props, String topic) {
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition first = new TopicPartition(topic, 0);
            consumer.assign(List.of(first));
            consumer.seekToBeginning(List.of(first));
            return consumer.poll(Duration.ofSeconds(5)).count();
        }
    }

    private static boolean causes(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
