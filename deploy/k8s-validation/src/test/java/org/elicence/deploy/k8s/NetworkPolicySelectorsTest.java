package org.elicence.deploy.k8s;

import static org.elicence.deploy.k8s.OverlaysTest.kind;
import static org.elicence.deploy.k8s.OverlaysTest.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A NetworkPolicy whose selector matches no pod allows nothing and protects nothing, and no Kubernetes check
 * says so (issue 13): every policy's podSelector, and every peer of the namespace a rule names, must select pods
 * that the rendering actually makes, with the labels their makers put on them: a Deployment's pod template, the
 * CloudNativePG operator's instances ({@code cnpg.io/cluster}, {@code cnpg.io/podRole=instance}), the Strimzi
 * operator's node pools ({@code strimzi.io/cluster}, {@code strimzi.io/pool-name}, {@code strimzi.io/broker-role}
 * or {@code strimzi.io/controller-role}), entity operator and Kafka Exporter, and the operators' pods of
 * deploy/k8s/operator-tools (docs/operator-runbook.md, "Cluster operations"). Nothing runs here: no cluster is
 * at hand, so the labels are those the operators document, not read from running pods.
 */
class NetworkPolicySelectorsTest {

    static Stream<String> overlays() throws IOException {
        return OverlaysTest.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPolicySelectsPodsThatExist(String overlay) throws IOException {
        List<ObjectNode> resources = render(overlay);
        Map<String, Map<String, String>> pods = pods(resources);
        for (ObjectNode policy : kind(resources, "NetworkPolicy")) {
            String name = policy.at("/metadata/name").asText();
            JsonNode selector = policy.at("/spec/podSelector/matchLabels");
            assertTrue(selector.isEmpty() || !selected(pods, selector).isEmpty(),
                    overlay + ": NetworkPolicy " + name + " selects no pod (" + selector + "); pods: " + pods);
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : policy.at("/spec/" + direction)) {
                    for (JsonNode peer : rule.path("ingress".equals(direction) ? "from" : "to")) {
                        if (!peer.has("namespaceSelector") && peer.has("podSelector")) {
                            JsonNode peerLabels = peer.at("/podSelector/matchLabels");
                            assertTrue(!selected(pods, peerLabels).isEmpty(), overlay + ": NetworkPolicy " + name
                                    + " names peer " + peerLabels + ", which is no pod of the namespace");
                        }
                    }
                }
            }
        }
    }

    /** Each service's own policy selects exactly its Deployment's pods, and the Kafka peer exactly the brokers. */
    @ParameterizedTest
    @MethodSource("overlays")
    void servicePoliciesSelectTheirServiceAndTheBrokers(String overlay) throws IOException {
        List<ObjectNode> resources = render(overlay);
        Map<String, Map<String, String>> pods = pods(resources);
        List<String> brokers = pods.keySet().stream().filter(p -> p.startsWith("kafka broker")).toList();
        assertTrue(!brokers.isEmpty(), overlay + ": no broker pool");
        for (ObjectNode deployment : kind(resources, "Deployment")) {
            String service = deployment.at("/metadata/name").asText();
            ObjectNode policy = kind(resources, "NetworkPolicy").stream()
                    .filter(p -> service.equals(p.at("/metadata/name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": no NetworkPolicy " + service));
            assertEquals(List.of("deployment " + service), selected(pods, policy.at("/spec/podSelector/matchLabels")),
                    overlay + ": the pods of NetworkPolicy " + service);
            for (JsonNode rule : policy.at("/spec/egress")) {
                for (JsonNode peer : rule.path("to")) {
                    JsonNode labels = peer.at("/podSelector/matchLabels");
                    if (labels.has("strimzi.io/cluster")) {
                        assertEquals(brokers, selected(pods, labels), overlay + ": " + service + "'s Kafka peer");
                    }
                }
            }
        }
    }

    /** The pods the rendering makes, by a name saying what makes them, with the labels they get. */
    static Map<String, Map<String, String>> pods(List<ObjectNode> resources) throws IOException {
        Map<String, Map<String, String>> pods = new TreeMap<>();
        for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet")) {
            for (ObjectNode workload : kind(resources, kind)) {
                pods.put(kind.toLowerCase() + " " + workload.at("/metadata/name").asText(),
                        labels(workload.at("/spec/template/metadata/labels")));
            }
        }
        for (ObjectNode cluster : kind(resources, "Cluster")) {
            String name = cluster.at("/metadata/name").asText();
            pods.put("cnpg " + name, Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"));
        }
        for (ObjectNode kafka : kind(resources, "Kafka")) {
            String cluster = kafka.at("/metadata/name").asText();
            for (ObjectNode pool : kind(resources, "KafkaNodePool")) {
                if (!cluster.equals(pool.at("/metadata/labels/strimzi.io~1cluster").asText())) {
                    continue;
                }
                Map<String, String> labels = new TreeMap<>(labels(pool.at("/spec/template/pod/metadata/labels")));
                labels.putAll(Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                        "strimzi.io/name", cluster + "-kafka", "strimzi.io/pool-name", pool.at("/metadata/name").asText()));
                pool.at("/spec/roles").forEach(role -> labels.put("strimzi.io/" + role.asText() + "-role", "true"));
                pool.at("/spec/roles").forEach(role -> pods.put("kafka " + role.asText() + " "
                        + pool.at("/metadata/name").asText(), labels));
            }
            if (kafka.at("/spec").has("entityOperator")) {
                pods.put("kafka entity-operator", strimzi(cluster, "-entity-operator"));
            }
            if (kafka.at("/spec").has("kafkaExporter")) {
                pods.put("kafka exporter", strimzi(cluster, "-kafka-exporter"));
            }
        }
        for (JsonNode pod : OperatorClientPodTest.pods()) {
            pods.put("operator-tools " + pod.at("/metadata/name").asText(), labels(pod.at("/metadata/labels")));
        }
        return pods;
    }

    private static Map<String, String> strimzi(String cluster, String suffix) {
        return Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + suffix);
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
        return labels;
    }

    /** The pods whose labels include every label of {@code matchLabels}. */
    private static List<String> selected(Map<String, Map<String, String>> pods, JsonNode matchLabels) {
        List<String> names = new ArrayList<>();
        pods.forEach((name, labels) -> {
            boolean all = true;
            for (var it = matchLabels.fields(); it.hasNext();) {
                var label = it.next();
                all &= label.getValue().asText().equals(labels.get(label.getKey()));
            }
            if (all) {
                names.add(name);
            }
        });
        return names;
    }
}
