package org.elicence.idcard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.idcard.registry.Applicant;
import org.elicence.idcard.testing.Citizens;
import org.elicence.idcard.testing.KafkaTestClient;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.KafkaCredentials;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.infra.Runbook;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.ApplicationWithdrawn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An operator orders idcard-service to handle one of its own dead letters again (docs/operator-runbook.md, "Dead
 * letters"): the service reads it from idcard-service.dlq and hands it to the consumer that dead-lettered it, on the
 * real broker with every principal's ACLs, through the runbook's own commands (kcat, jq, openssl).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "idcard_test"))
@WithTestResource(JwtKeysTestResource.class)
class DeadLetterReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DLQ = "idcard-service.dlq";

    @TempDir
    Path workDir;

    @Test
    void aWithdrawalThatOvertookItsApplicationTakesEffectWhenReplayedAfterIt() {
        String applicationId = UUID.randomUUID().toString();
        KafkaTestClient.publish(applicationId, new ApplicationWithdrawn(applicationId, Citizens.CHEN_JING,
                ApplicationWithdrawn.BY_APPLICANT, Instant.now()));
        ConsumerRecord<String, String> deadLetter = await().atMost(WAIT)
                .until(() -> deadLettersOf(applicationId), list -> list.size() == 1).get(0);

        // Replayed before its application is known here, it fails again for the same reason: refused, and not
        // dead-lettered a second time.
        JsonNode early = replayWithTheRunbook(deadLetter);
        assertEquals("REFUSED", early.get("outcome").asText(), early.toString());
        assertEquals("REPLAY_FAILED", early.get("code").asText(), early.toString());
        assertTrue(early.get("reason").asText().contains("came before its ApplicationCreated"), early.toString());

        KafkaTestClient.publish(applicationId, new ApplicationCreated(applicationId, Citizens.CHEN_JING, "陈静",
                Instant.now()));
        await().atMost(WAIT).until(() -> applicant(applicationId) != null);
        assertNull(applicant(applicationId).withdrawnAt);

        JsonNode replayed = replayWithTheRunbook(deadLetter);
        assertEquals("REPLAYED", replayed.get("outcome").asText(), replayed.toString());
        assertEquals(Topics.APPLICATIONS, replayed.get("replayedTopic").asText());
        assertEquals(EventType.APPLICATION_WITHDRAWN.type(), replayed.get("eventType").asText());
        Instant withdrawnAt = applicant(applicationId).withdrawnAt;
        assertNotNull(withdrawnAt, "the replayed withdrawal took effect");

        // Replayed once more (a fresh replayId): the event was handled, so it is skipped, not applied twice.
        JsonNode again = replayWithTheRunbook(deadLetter);
        assertEquals("REPLAYED", again.get("outcome").asText(), again.toString());
        assertEquals(withdrawnAt, applicant(applicationId).withdrawnAt);
        assertEquals(1, deadLettersOf(applicationId).size(), "no replay was dead-lettered");
    }

    @Test
    void replaysNotFromAReplayerOrNotOfADeadLetterAreRefusedAndOtherServicesReplaysLeftAlone() {
        // A dead letter that came from a topic idcard-service does not read (written here by the broker's admin).
        String strayKey = "stray-" + UUID.randomUUID();
        KafkaTestClient.sendRaw(DLQ, strayKey, "{}", Map.of("dead-letter-topic", Topics.LICENCE_EVENTS));
        ConsumerRecord<String, String> stray = KafkaTestClient.readAll(DLQ).stream()
                .filter(r -> strayKey.equals(r.key())).findFirst().orElseThrow();

        // A producer that slips a dead-letter-topic header of its own into a record meant to be dead-lettered (an
        // application.created on idcard-readings, a topic of photo-audit-service's) cannot pick the consumer a replay
        // hands it to: the dead letter then holds two such headers, SmallRye's and its own.
        String forgedId = UUID.randomUUID().toString();
        KafkaTestClient.publishTo(Topics.IDCARD_READINGS, forgedId, new ApplicationCreated(forgedId,
                Citizens.CHEN_JING, "陈静", Instant.now()), UUID.randomUUID().toString(),
                Map.of("dead-letter-topic", Topics.APPLICATIONS));
        ConsumerRecord<String, String> forged = await().atMost(WAIT)
                .until(() -> deadLettersOf(forgedId), list -> list.size() == 1).get(0);

        String forAnotherService = sendReplay("photo-audit-service", "photo-audit-service", stray, "platform-operator");
        String byAReviewer = sendReplay("idcard-service", "idcard-service", stray, "reviewer-001");
        String mislabelled = sendReplay("idcard-service", "application-service", stray, "platform-operator");
        String notThere = sendReplay("idcard-service", "idcard-service", stray.partition(), 1_000_000_000L,
                "platform-operator");
        String fromElsewhere = sendReplay("idcard-service", "idcard-service", stray, "platform-operator");
        String twoOrigins = sendReplay("idcard-service", "idcard-service", forged, "platform-operator");

        assertEquals("OPERATOR_NOT_AUTHORISED", outcome(byAReviewer).get("code").asText());
        assertEquals("MALFORMED_REPLAY", outcome(mislabelled).get("code").asText());
        assertEquals("NO_SUCH_DEAD_LETTER", outcome(notThere).get("code").asText());
        JsonNode refused = outcome(fromElsewhere);
        assertEquals("NOT_REPLAYABLE", refused.get("code").asText(), refused.toString());
        assertTrue(refused.get("reason").asText().contains(Topics.LICENCE_EVENTS), refused.toString());
        assertEquals("NOT_REPLAYABLE", outcome(twoOrigins).get("code").asText());
        assertNull(applicant(forgedId), "the forged creation reached no consumer");
        // one partition, read in order: the replays sent after it were answered, so this one was passed over
        assertEquals(List.of(), outcomes(forAnotherService), "idcard-service answered another service's replay");
    }

    private JsonNode replayWithTheRunbook(ConsumerRecord<String, String> deadLetter) {
        String sent = Runbook.run("dlq-replay", as("platform-operator", "SERVICE", "idcard-service",
                "P", String.valueOf(deadLetter.partition()), "O", String.valueOf(deadLetter.offset())), workDir);
        String replayId = sent.strip().split(" ")[1];
        String answered = await().atMost(WAIT).until(() -> Runbook.run("dlq-replay-outcome",
                as("platform-operator", "REPLAY_ID", replayId), workDir), out -> !out.isBlank());
        return KafkaTestClient.readTree(answered.lines().findFirst().orElseThrow());
    }

    private static String sendReplay(String key, String service, ConsumerRecord<String, String> deadLetter,
            String signer) {
        return sendReplay(key, service, deadLetter.partition(), deadLetter.offset(), signer);
    }

    private static String sendReplay(String key, String service, int partition, long offset, String signer) {
        String replayId = UUID.randomUUID().toString();
        String value = "{\"replayId\":\"" + replayId + "\",\"operatorId\":\"" + signer + "\",\"service\":\""
                + service + "\",\"partition\":" + partition + ",\"offset\":" + offset + "}";
        KafkaTestClient.sendSigned(Topics.DEAD_LETTER_REPLAYS, key, value, signer);
        return replayId;
    }

    private static JsonNode outcome(String replayId) {
        return await().atMost(WAIT).until(() -> outcomes(replayId), list -> !list.isEmpty()).get(0);
    }

    private static List<JsonNode> outcomes(String replayId) {
        return KafkaTestClient.events(EventType.DEAD_LETTER_REPLAY_OUTCOME,
                data -> replayId.equals(data.path("replayId").asText()));
    }

    private static List<ConsumerRecord<String, String>> deadLettersOf(String applicationId) {
        return KafkaTestClient.readAll(DLQ).stream().filter(r -> applicationId.equals(r.key())).toList();
    }

    private static Applicant applicant(String applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> Applicant.findById(UUID.fromString(applicationId)));
    }

    private static Map<String, String> as(String principal, String... variables) {
        Map<String, String> env = new HashMap<>(Map.of("BROKER", KafkaTestClient.bootstrapServers(),
                "KAFKA_CONFIG", KafkaCredentials.kcatConfig(KafkaTestClient.bootstrapServers(), principal).toString()));
        for (int i = 0; i < variables.length; i += 2) {
            env.put(variables[i], variables[i + 1]);
        }
        return env;
    }
}
