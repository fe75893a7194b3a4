package org.elicence.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CrdSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void strimzisOwnCrdsServeTheKindsTheManifestsUse() {
        assertTrue(CrdSchemas.types().containsAll(List.of("kafka.strimzi.io/v1/Kafka",
                "kafka.strimzi.io/v1/KafkaNodePool", "kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/v1/KafkaUser")),
                CrdSchemas.types().toString());
    }

    @Test
    void aFieldTheCrdDoesNotDeclareIsRefusedAsStrictFieldValidationWould() throws Exception {
        JsonNode good = JSON.readTree("""
                {"apiVersion":"kafka.strimzi.io/v1","kind":"KafkaTopic","metadata":{"name":"t"},
                 "spec":{"partitions":3,"replicas":3,"config":{"retention.ms":1000}}}""");
        JsonNode misspelt = JSON.readTree("""
                {"apiVersion":"kafka.strimzi.io/v1","kind":"KafkaTopic","metadata":{"name":"t"},
                 "spec":{"partitions":3,"replica":3}}""");
        assertEquals(List.of(), ResourceModels.problems(good));
        List<String> problems = ResourceModels.problems(misspelt);
        assertTrue(problems.stream().anyMatch(p -> p.contains("replica")), problems.toString());
    }
}
