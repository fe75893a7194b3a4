package org.elicence.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.elicence.infra.TopicCatalogue;
import org.elicence.infra.TopicCatalogue.TopicSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Renders every overlay under deploy/k8s/overlays and checks what Kubernetes and the operators would check
 * (typed models, CRD schemas) and what the platform requires (topics.conf, probes, limits, non-root, what the
 * gateway exposes, where configuration and secrets come from).
 */
class OverlaysTest {

    static final Path ROOT = repositoryRoot();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The only path prefixes the gateway may publish (docs/deploy.md, "What the gateway exposes"). */
    private static final List<String> PUBLIC_PATHS = List.of("/api/v1/applications", "/api/v1/licences/");

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("deploy/k8s/overlays"))) {
            return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    static List<ObjectNode> render(String overlay) {
        return KustomizeRenderer.render(ROOT.resolve("deploy/k8s/overlays").resolve(overlay));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyResourceParsesIntoItsTypedModelOrSchema(String overlay) {
        List<String> problems = render(overlay).stream().flatMap(r -> ResourceModels.problems(r).stream()).toList();
        assertEquals(List.of(), problems, overlay + ": invalid resources");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void resourcesAreUniqueAndNamespaced(String overlay) {
        List<ObjectNode> resources = render(overlay);
        Set<String> seen = new TreeSet<>();
        for (ObjectNode r : resources) {
            String id = ResourceModels.typeOf(r) + "/" + r.at("/metadata/name").asText();
            assertTrue(seen.add(id), overlay + ": duplicate " + id);
            if (!"Namespace".equals(r.path("kind").asText())) {
                assertEquals("elicence", r.at("/metadata/namespace").asText(), overlay + ": namespace of " + id);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaTopicsAreExactlyTopicsConf(String overlay) {
        List<ObjectNode> resources = render(overlay);
        Map<String, TopicSpec> expected = new TreeMap<>();
        TopicCatalogue.read(ROOT.resolve("deploy/topics.conf")).forEach(topic -> expected.put(topic.name(), topic));
        Map<String, KafkaTopic> actual = new TreeMap<>();
        of(resources, "KafkaTopic", KafkaTopic.class).forEach(t -> actual.put(t.getMetadata().getName(), t));
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()),
                overlay + ": KafkaTopics differ from deploy/topics.conf");

        String cluster = single(resources, "Kafka").at("/metadata/name").asText();
        int brokers = resources.stream().filter(r -> "KafkaNodePool".equals(r.path("kind").asText()))
                .filter(r -> r.at("/spec/roles").toString().contains("broker"))
                .mapToInt(r -> r.at("/spec/replicas").asInt()).sum();
        for (TopicSpec topic : expected.values()) {
            KafkaTopic resource = actual.get(topic.name());
            assertEquals(cluster, resource.getMetadata().getLabels().get("strimzi.io/cluster"), topic.name());
            assertEquals(topic.partitions(), resource.getSpec().getPartitions(), topic.name() + " partitions");
            Map<String, String> config = new TreeMap<>();
            resource.getSpec().getConfig().forEach((key, value) -> config.put(key, String.valueOf(value)));
            assertEquals(topic.configs(), config, topic.name() + " config");
            int replicas = resource.getSpec().getReplicas();
            assertTrue(replicas >= 1 && replicas <= brokers,
                    topic.name() + ": " + replicas + " replicas on " + brokers + " brokers");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaReplicationFitsTheBrokers(String overlay) {
        List<ObjectNode> resources = render(overlay);
        JsonNode config = single(resources, "Kafka").at("/spec/kafka/config");
        int replication = config.path("default.replication.factor").asInt();
        int minInSync = config.path("min.insync.replicas").asInt();
        for (KafkaTopic topic : of(resources, "KafkaTopic", KafkaTopic.class)) {
            assertEquals(replication, topic.getSpec().getReplicas(), topic.getMetadata().getName() + " replicas");
        }
        assertTrue(minInSync <= replication && (replication == 1 || minInSync < replication),
                "min.insync.replicas " + minInSync + " must leave room for one broker down at replication "
                        + replication);
        assertEquals(replication, config.path("offsets.topic.replication.factor").asInt());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void deploymentsAreProbedLimitedAndNonRoot(String overlay) {
        for (Deployment deployment : of(render(overlay), "Deployment", Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertTrue(Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()), name + " runAsNonRoot");
            assertTrue(pod.getSecurityContext().getRunAsUser() != null && pod.getSecurityContext().getRunAsUser() > 0,
                    name + " runAsUser");
            for (Container container : pod.getContainers()) {
                String where = name + "/" + container.getName();
                assertProbe(container.getStartupProbe(), "/q/health/started", where);
                assertProbe(container.getReadinessProbe(), "/q/health/ready", where);
                assertProbe(container.getLivenessProbe(), "/q/health/live", where);
                for (String resource : List.of("cpu", "memory")) {
                    assertTrue(container.getResources().getLimits().containsKey(resource), where + " limit " + resource);
                    assertTrue(container.getResources().getRequests().containsKey(resource),
                            where + " request " + resource);
                }
                assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation(), where + " privilege escalation");
                assertTrue(container.getImage().matches(".+:[A-Za-z0-9._-]+$") && !container.getImage().endsWith(":latest")
                        && !container.getImage().contains("SNAPSHOT"),
                        where + ": image without a pinned tag: " + container.getImage());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentHasServicePdbAndAutoscaler(String overlay) {
        List<ObjectNode> resources = render(overlay);
        for (ObjectNode deployment : kind(resources, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            assertTrue(named(resources, "Service", name).isPresent(), name + " Service");
            assertTrue(named(resources, "PodDisruptionBudget", name).isPresent(), name + " PodDisruptionBudget");
            long scalers = resources.stream()
                    .filter(r -> Set.of("HorizontalPodAutoscaler", "ScaledObject").contains(r.path("kind").asText()))
                    .filter(r -> name.equals(r.at("/spec/scaleTargetRef/name").asText())).count();
            assertEquals(1, scalers, name + ": exactly one HorizontalPodAutoscaler or ScaledObject");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void referencedConfigMapsAndSecretsExist(String overlay) throws IOException {
        List<ObjectNode> resources = render(overlay);
        String deployDoc = Files.readString(ROOT.resolve("docs/deploy.md"));
        for (ObjectNode deployment : kind(resources, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            for (JsonNode ref : deployment.findValues("configMapRef")) {
                assertTrue(named(resources, "ConfigMap", ref.path("name").asText()).isPresent(), name + " " + ref);
            }
        }
        // Secrets: made by CloudNativePG or Strimzi, by an ExternalSecret of the overlay (prod), or created by hand
        // as docs/deploy.md step 3 says (dev).
        for (String secret : ProductionReadinessTest.referencedSecrets(resources)) {
            boolean madeByOperator = ProductionReadinessTest.madeByOperator(resources, secret);
            boolean external = kind(resources, "ExternalSecret").stream()
                    .anyMatch(e -> secret.equals(e.at("/spec/target/name").asText()));
            boolean documented = deployDoc.contains("secret generic " + secret) || deployDoc.contains("secret tls " + secret);
            assertTrue(madeByOperator || external || documented,
                    overlay + ": Secret " + secret + " is made by neither an operator (CloudNativePG, Strimzi) nor an ExternalSecret, nor created in docs/deploy.md");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void gatewayRoutesOnlyThePublicApiToExistingServices(String overlay) {
        List<ObjectNode> resources = render(overlay);
        List<HTTPRoute> routes = of(resources, "HTTPRoute", HTTPRoute.class);
        assertFalse(routes.isEmpty(), "no HTTPRoute");
        for (HTTPRoute route : routes) {
            String name = route.getMetadata().getName();
            route.getSpec().getParentRefs().forEach(parent -> assertTrue(
                    named(resources, "Gateway", parent.getName()).isPresent(), name + " parent " + parent.getName()));
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                assertFalse(rule.getMatches() == null || rule.getMatches().isEmpty(), name + ": a rule without matches routes everything");
                for (HTTPRouteMatch match : rule.getMatches()) {
                    String path = match.getPath() == null ? "/" : match.getPath().getValue();
                    assertTrue(PUBLIC_PATHS.stream().anyMatch(path::startsWith), name + " exposes " + path);
                    assertFalse(path.startsWith("/q") || path.contains("/internal"), name + " exposes " + path);
                    assertFalse("RegularExpression".equals(match.getPath().getType()), name + ": regex path " + path);
                }
                rule.getBackendRefs().forEach(backend -> {
                    JsonNode service = named(resources, "Service", backend.getName())
                            .orElseThrow(() -> new AssertionError(name + ": no Service " + backend.getName()));
                    boolean portExists = false;
                    for (JsonNode port : service.at("/spec/ports")) {
                        portExists |= port.path("port").asInt() == backend.getPort();
                    }
                    assertTrue(portExists, name + ": Service " + backend.getName() + " has no port " + backend.getPort());
                });
            }
        }
    }

    /**
     * The gateway must not give up on an upload that application-service still takes: an upload may wait for a share of
     * the service's upload memory ({@code applications.uploads.admission-timeout}) before it is read, and Envoy's
     * default route timeout (15 s) is shorter than that wait.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void mobileRouteWaitsLongerThanAnUploadMayQueue(String overlay) throws IOException {
        String admission = Files.readAllLines(ROOT.resolve("application-service/src/main/resources/application.properties"))
                .stream().filter(line -> line.startsWith("applications.uploads.admission-timeout=")).findFirst()
                .orElseThrow().split("=", 2)[1];
        java.time.Duration queue = java.time.Duration.parse(admission);
        List<HTTPRoute> routes = of(render(overlay), "HTTPRoute", HTTPRoute.class);
        int rules = 0;
        for (HTTPRoute route : routes) {
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                if (rule.getBackendRefs().stream().noneMatch(b -> "application-service".equals(b.getName()))) {
                    continue;
                }
                rules++;
                String request = rule.getTimeouts() == null ? null : rule.getTimeouts().getRequest();
                assertTrue(request != null, route.getMetadata().getName() + ": no request timeout (implementation default)");
                java.time.Duration timeout = java.time.Duration.parse("PT" + request.toUpperCase(java.util.Locale.ROOT));
                assertTrue(timeout.compareTo(queue.plusSeconds(20)) >= 0, route.getMetadata().getName() + ": request timeout "
                        + request + " leaves less than 20 s after the upload's " + admission + " wait");
            }
        }
        assertTrue(rules > 0, "no route to application-service");
    }

    /**
     * Where kubectl is installed, the Java renderer must agree with Kustomize: every kubectl found on the PATH and
     * every versioned kubectl of the Google Cloud SDK package (kubectl.1.27 ... 1.33 on this project's machines), so
     * the oldest kubectl that docs/deploy.md promises (1.27) renders every overlay. Skipped where there is none.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void rendererAgreesWithKubectlKustomize(String overlay) throws Exception {
        Path overlayDir = ROOT.resolve("deploy/k8s/overlays").resolve(overlay);
        List<String> kubectls = new ArrayList<>(List.of("kubectl"));
        Path sdk = Path.of("/usr/lib/google-cloud-sdk/bin");
        if (Files.isDirectory(sdk)) {
            try (Stream<Path> files = Files.list(sdk)) {
                files.map(Path::toString).filter(f -> f.matches(".*/kubectl\\.1\\.\\d+")).sorted().forEach(kubectls::add);
            }
        }
        int ran = 0;
        for (String kubectl : kubectls) {
            Process process;
            try {
                process = new ProcessBuilder(kubectl, "kustomize", overlayDir.toString()).redirectErrorStream(false).start();
            } catch (IOException noKubectl) {
                continue;
            }
            byte[] output = process.getInputStream().readAllBytes();
            String errors = new String(process.getErrorStream().readAllBytes());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, kubectl + " kustomize failed: " + errors);
            Path rendered = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Files.write(rendered, output);
            assertEquals(byId(KustomizeRenderer.readDocuments(rendered)), byId(new ArrayList<>(render(overlay))), kubectl + " " + overlay);
            ran++;
        }
        Assumptions.assumeTrue(ran > 0, "kubectl is not installed: compared with Kustomize only where it is");
    }

    private static Map<String, JsonNode> byId(List<? extends JsonNode> resources) {
        Map<String, JsonNode> result = new TreeMap<>();
        for (JsonNode r : resources) {
            // YAML scalars: Kustomize may quote a number; compare the JSON forms.
            result.put(ResourceModels.typeOf(r) + "/" + r.at("/metadata/name").asText(), normalise(r));
        }
        return result;
    }

    private static JsonNode normalise(JsonNode node) {
        try {
            return JSON.readTree(JSON.writeValueAsString(node).replaceAll("\"(-?\\d+)\"", "$1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertProbe(Probe probe, String path, String where) {
        assertTrue(probe != null && probe.getHttpGet() != null, where + " probe " + path);
        assertEquals(path, probe.getHttpGet().getPath(), where);
    }

    static List<ObjectNode> kind(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    static <T> List<T> of(List<ObjectNode> resources, String kind, Class<T> type) {
        return kind(resources, kind).stream().map(r -> {
            try {
                return JSON.treeToValue(r, type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static ObjectNode single(List<ObjectNode> resources, String kind) {
        List<ObjectNode> all = kind(resources, kind);
        assertEquals(1, all.size(), "one " + kind);
        return all.get(0);
    }

    private static java.util.Optional<ObjectNode> named(List<ObjectNode> resources, String kind, String name) {
        return kind(resources, kind).stream().filter(r -> name.equals(r.at("/metadata/name").asText())).findFirst();
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/topics.conf"))) {
            dir = dir.getParent();
        }
        return Objects.requireNonNull(dir, "deploy/topics.conf not found above the working directory");
    }

    @SuppressWarnings("unused")
    private static Map<String, Long> countByKind(List<ObjectNode> resources) {
        return resources.stream().collect(Collectors.groupingBy(r -> r.path("kind").asText(), LinkedHashMap::new,
                Collectors.counting()));
    }
}
