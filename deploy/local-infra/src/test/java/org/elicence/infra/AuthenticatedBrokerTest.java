package org.elicence.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
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

    private static boolean causes(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
