package org.elicence.deploy.k8s;

import static org.elicence.deploy.k8s.OverlaysTest.kind;
import static org.elicence.deploy.k8s.OverlaysTest.render;
import static org.elicence.deploy.k8s.ProductionReadinessTest.memory;
import static org.elicence.deploy.k8s.ProductionReadinessTest.restricted;
import static org.elicence.deploy.k8s.ProductionReadinessTest.selects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operators' pods of deploy/k8s/operator-tools (docs/operator-runbook.md, "Cluster operations"), applied by
 * hand next to an overlay: admitted by the namespace's Pod Security level, let through to the brokers' mutual-TLS
 * listener and nothing else, credentials in memory only, with pinned images, Kafka's tools of the brokers' own Kafka
 * version.
 */
class OperatorClientPodTest {

    private static final Path DIRECTORY = OverlaysTest.ROOT.resolve("deploy/k8s/operator-tools");

    static Stream<String> overlays() throws IOException {
        return OverlaysTest.overlays();
    }

    /** Every document of deploy/k8s/operator-tools. */
    static List<JsonNode> pods() throws IOException {
        List<JsonNode> pods = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                pods.addAll(KustomizeRenderer.readDocuments(file));
            }
        }
        return pods;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void operatorPodsAreAdmittedReachTheOperatorsListenerAndRunTheBrokersKafka(String overlay) throws IOException {
        List<ObjectNode> resources = render(overlay);
        String namespace = kind(resources, "Namespace").get(0).at("/metadata/name").asText();
        ObjectNode kafka = kind(resources, "Kafka").get(0);
        JsonNode operatorsListener = null;
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            if (listener.at("/authentication/type").asText().equals("tls")) {
                operatorsListener = listener;
            }
        }
        assertTrue(operatorsListener != null, overlay + ": no mutual-TLS listener");
        ObjectNode egressPolicy = kind(resources, "NetworkPolicy").stream()
                .filter(p -> p.at("/metadata/name").asText().equals("kafka-operator-client")).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no NetworkPolicy kafka-operator-client"));
        List<JsonNode> pods = pods();
        assertFalse(pods.isEmpty(), "no pod in " + DIRECTORY);
        for (JsonNode pod : pods) {
            String name = pod.at("/metadata/name").asText();
            assertEquals("v1/Pod", ResourceModels.typeOf(pod), name);
            assertEquals(List.of(), ResourceModels.problems(pod), name);
            assertEquals(namespace, pod.at("/metadata/namespace").asText(), name + ": namespace");
            JsonNode labels = pod.at("/metadata/labels");
            assertTrue(selects(egressPolicy.at("/spec/podSelector"), labels), name + ": NetworkPolicy kafka-operator-client");
            boolean peer = false;
            for (JsonNode allowed : operatorsListener.path("networkPolicyPeers")) {
                peer |= allowed.has("podSelector") && selects(allowed.path("podSelector"), labels);
            }
            assertTrue(peer, name + ": a peer of listener " + operatorsListener.path("name").asText());
            JsonNode spec = pod.path("spec");
            assertFalse(spec.path("automountServiceAccountToken").asBoolean(true), name + ": automount");
            assertTrue(spec.path("activeDeadlineSeconds").asLong(0) > 0, name + ": a forgotten pod must end");
            for (JsonNode volume : spec.path("volumes")) {
                assertEquals("Memory", volume.at("/emptyDir/medium").asText(),
                        name + ": volume " + volume.path("name").asText() + " holds credentials: in memory only");
            }
            for (JsonNode container : spec.path("containers")) {
                String where = name + "/" + container.path("name").asText();
                restricted(container.path("securityContext"), spec.path("securityContext"), where);
                assertEquals(memory(container.at("/resources/requests/memory")), memory(container.at("/resources/limits/memory")),
                        where + ": memory request = limit");
                String image = container.path("image").asText();
                assertTrue(image.matches(".+:\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.-]+)?") || image.contains("@sha256:"),
                        where + ": immutable image " + image);
                if (image.startsWith("quay.io/strimzi/kafka:")) {
                    assertTrue(image.endsWith("-kafka-" + kafka.at("/spec/kafka/version").asText()),
                            where + ": Kafka's tools of the brokers' version " + kafka.at("/spec/kafka/version") + ", not " + image);
                }
            }
        }
    }
}
