package org.elicence.deploy.k8s;

import static org.elicence.deploy.k8s.OverlaysTest.kind;
import static org.elicence.deploy.k8s.OverlaysTest.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.elicence.infra.TopicCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a platform team checks before it runs the manifests in production (issue 16): operators' current APIs with
 * pinned versions, backups, connection budgets, spreading, memory, identities, secrets, Pod Security, immutable
 * images, metrics, graceful shutdown, trace attributes and autoscaling on what matters.
 */
class ProductionReadinessTest {

    private static final Path ROOT = OverlaysTest.ROOT;
    /** Connections each database keeps for the operator, monitoring and people, besides the services' pools. */
    static final int RESERVED_CONNECTIONS = 10;

    static Stream<String> overlays() throws IOException {
        return OverlaysTest.overlays();
    }

    /** kubectl before 1.31 (Kustomize before 5.4) fails on patch files with several documents. */
    @Test
    void everyPatchFileHoldsOneDocument() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy/k8s"))) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                for (JsonNode patch : KustomizeRenderer.readDocuments(kustomization).get(0).path("patches")) {
                    if (patch.has("path")) {
                        Path file = kustomization.resolveSibling(patch.get("path").asText());
                        assertEquals(1, KustomizeRenderer.readDocuments(file).size(), file + ": one document per patch file");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void strimziResourcesUseV1WithPinnedKafkaAndMetadataVersions(String overlay) {
        List<ObjectNode> resources = render(overlay);
        for (ObjectNode r : resources) {
            if (r.path("apiVersion").asText().startsWith("kafka.strimzi.io/")) {
                assertEquals("kafka.strimzi.io/v1", r.path("apiVersion").asText(), r.path("kind") + " " + r.at("/metadata/name"));
            }
        }
        for (ObjectNode kafka : kind(resources, "Kafka")) {
            String version = kafka.at("/spec/kafka/version").asText();
            String metadata = kafka.at("/spec/kafka/metadataVersion").asText();
            assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), "Kafka version pinned: " + version);
            assertTrue(metadata.matches("\\d+\\.\\d+(-IV\\d+)?"), "metadataVersion pinned: " + metadata);
            String release = version.substring(0, version.lastIndexOf('.'));
            assertTrue(compare(metadata.replaceFirst("-IV\\d+$", ""), release) <= 0,
                    "metadataVersion " + metadata + " must not be newer than Kafka " + version);
        }
    }

    /** The services' pools at the autoscalers' maximum (plus the surging pod of a rollout) fit max_connections. */
    @ParameterizedTest
    @MethodSource("overlays")
    void connectionPoolsFitMaxConnectionsAtMaximumScale(String overlay) {
        List<ObjectNode> resources = render(overlay);
        Map<String, Integer> demand = new TreeMap<>();
        for (ObjectNode deployment : kind(resources, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode config = named(resources, "ConfigMap", name + "-config").orElseThrow().path("data");
            String url = databaseUrl(resources, name);
            Matcher host = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw[:/]").matcher(url);
            assertTrue(host.find(), name + ": database URL " + url + " is not a CloudNativePG -rw service");
            String pool = config.path("QUARKUS_DATASOURCE_JDBC_MAX_SIZE").asText("");
            assertTrue(pool.matches("\\d+"), name + ": QUARKUS_DATASOURCE_JDBC_MAX_SIZE caps the pool (Quarkus' default is 50)");
            int maxReplicas = maxReplicas(resources, name);
            int surge = deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt(1);
            demand.merge(host.group(1), (maxReplicas + surge) * Integer.parseInt(pool), Integer::sum);
        }
        for (Map.Entry<String, Integer> db : demand.entrySet()) {
            ObjectNode cluster = named(resources, "Cluster", db.getKey())
                    .orElseThrow(() -> new AssertionError("no Cluster " + db.getKey()));
            int max = Integer.parseInt(cluster.at("/spec/postgresql/parameters/max_connections").asText("100"));
            assertTrue(db.getValue() + RESERVED_CONNECTIONS <= max, overlay + ": " + db.getKey() + " needs "
                    + db.getValue() + " + " + RESERVED_CONNECTIONS + " connections at maximum scale, max_connections is " + max);
        }
        assertEquals(4, demand.size(), "one database per service");
    }

    /**
     * Each service verifies its database server: TLS with {@code sslmode=verify-full} against the CA CloudNativePG
     * made for that cluster ({@code <cluster>-ca}, the certificate only, mounted where the URL reads it). Without it
     * the driver takes whatever answers at the service's address, and sends it the password and the data.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceVerifiesItsDatabaseServer(String overlay) {
        List<ObjectNode> resources = render(overlay);
        for (ObjectNode deployment : kind(resources, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            String url = databaseUrl(resources, name);
            Matcher m = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/\\w+\\?(.*)").matcher(url);
            assertTrue(m.matches(), name + ": " + url);
            List<String> parameters = List.of(m.group(2).split("&"));
            assertTrue(parameters.contains("sslmode=verify-full"), name + ": the server is not verified: " + url);
            String rootCert = parameters.stream().filter(p -> p.startsWith("sslrootcert=")).findFirst()
                    .map(p -> p.substring("sslrootcert=".length())).orElseThrow(() -> new AssertionError(name + ": no sslrootcert"));
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode mount = stream(pod.at("/containers/0/volumeMounts"))
                    .filter(v -> rootCert.startsWith(v.path("mountPath").asText() + "/")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": nothing mounted at " + rootCert));
            JsonNode volume = stream(pod.path("volumes")).filter(v -> v.path("name").equals(mount.path("name")))
                    .findFirst().orElseThrow();
            assertEquals(m.group(1) + "-ca", volume.at("/secret/secretName").asText(), name + ": the CA of its own cluster");
            String file = rootCert.substring(mount.path("mountPath").asText().length() + 1);
            assertEquals(List.of("ca.crt -> " + file), stream(volume.at("/secret/items"))
                    .map(i -> i.path("key").asText() + " -> " + i.path("path").asText()).toList(),
                    name + ": the CA's certificate only, not its key");
        }
    }

    /**
     * Health and metrics are served on the management port (Quarkus' management interface, enabled in the packaged
     * service), and that is what the kubelet probes and Prometheus scrape: the API's port is for the gateway only, so
     * Prometheus' NetworkPolicy opens no API (idcard-service's operators' record included).
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void healthAndMetricsAreOnTheManagementPortOnly(String overlay) throws IOException {
        List<ObjectNode> resources = render(overlay);
        for (ObjectNode deployment : kind(resources, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            JsonNode config = named(resources, "ConfigMap", name + "-config").orElseThrow().path("data");
            int managementPort = stream(container.path("ports"))
                    .filter(p -> "management".equals(p.path("name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no management port")).path("containerPort").asInt();
            assertEquals(Integer.toString(managementPort), config.path("QUARKUS_MANAGEMENT_PORT").asText(), name);
            assertEquals("0.0.0.0", config.path("QUARKUS_MANAGEMENT_HOST").asText(), name + ": reachable in the pod");
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), name + " " + probe);
            }
            assertEquals(Integer.toString(managementPort),
                    deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText(), name);
            Path properties = OverlaysTest.repositoryRoot().resolve(name + "/src/main/resources/application.properties");
            assertTrue(Files.readAllLines(properties).contains("%prod.quarkus.management.enabled=true"),
                    name + ": the packaged service serves no management interface");
        }
        for (ObjectNode monitor : kind(resources, "PodMonitor")) {
            stream(monitor.at("/spec/podMetricsEndpoints")).filter(e -> e.path("path").asText().startsWith("/q/"))
                    .forEach(e -> assertEquals("management", e.path("port").asText(), monitor.at("/metadata/name").asText()));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyClusterIsBackedUpOnSchedule(String overlay) {
        List<ObjectNode> resources = render(overlay);
        for (ObjectNode cluster : kind(resources, "Cluster")) {
            String name = cluster.at("/metadata/name").asText();
            JsonNode archiver = null;
            for (JsonNode plugin : cluster.at("/spec/plugins")) {
                if ("barman-cloud.cloudnative-pg.io".equals(plugin.path("name").asText())
                        && plugin.path("isWALArchiver").asBoolean()) {
                    archiver = plugin;
                }
            }
            assertNotNull(archiver, name + ": WAL archived by the Barman Cloud plugin");
            String store = archiver.at("/parameters/barmanObjectName").asText();
            ObjectNode objectStore = named(resources, "ObjectStore", store)
                    .orElseThrow(() -> new AssertionError(name + ": no ObjectStore " + store));
            assertTrue(objectStore.at("/spec/retentionPolicy").asText().matches("\\d+[dwm]"), store + " retention");
            assertTrue(kind(resources, "ScheduledBackup").stream()
                    .anyMatch(b -> name.equals(b.at("/spec/cluster/name").asText())
                            && "plugin".equals(b.at("/spec/method").asText())
                            && "barman-cloud.cloudnative-pg.io".equals(b.at("/spec/pluginConfiguration/name").asText())),
                    name + ": a ScheduledBackup through the plugin");
            assertTrue(cluster.at("/spec/imageName").asText().matches(".+:\\d+\\.\\d+.*"), name + ": pinned PostgreSQL image");
        }
    }

    /**
     * A commit is on a standby too before it returns wherever there are standbys (a failover must not lose what Kafka
     * already holds the effects of); a single instance waits for none and has no PodDisruptionBudget of
     * CloudNativePG's, which would stall every node drain.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void databasesReplicateSynchronouslyAndASingleInstanceDrains(String overlay) {
        for (ObjectNode cluster : kind(render(overlay), "Cluster")) {
            String name = overlay + ": " + cluster.at("/metadata/name").asText();
            JsonNode synchronous = cluster.at("/spec/postgresql/synchronous");
            if (cluster.at("/spec/instances").asInt() > 1) {
                assertEquals("any", synchronous.path("method").asText(), name);
                assertEquals(1, synchronous.path("number").asInt(), name);
                assertEquals("required", synchronous.path("dataDurability").asText(), name);
            } else {
                assertTrue(synchronous.isMissingNode(), name + ": no standby to wait for");
                assertFalse(cluster.at("/spec/enablePDB").asBoolean(true), name + ": a PDB on the only instance");
            }
        }
    }

    /**
     * The images are built for linux/amd64 only (Jib's default platform; photo-audit-service's native OpenCV and
     * Tesseract libraries are x86-64 only besides): every service runs on such nodes. Until 2026-12-07 only
     * photo-audit-service was pinned, and the others could land on an arm64 node and crash-loop there.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceRunsOnTheArchitectureItsImageIsBuiltFor(String overlay) {
        List<ObjectNode> deployments = kind(render(overlay), "Deployment").stream()
                .filter(d -> d.at("/metadata/name").asText().endsWith("-service")).toList();
        assertEquals(4, deployments.size(), overlay);
        for (ObjectNode deployment : deployments) {
            assertEquals("amd64", deployment.at("/spec/template/spec/nodeSelector/kubernetes.io~1arch").asText(),
                    overlay + ": " + deployment.at("/metadata/name").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podsAreSpreadSizedIdentifiedAndDrained(String overlay) {
        List<ObjectNode> resources = render(overlay);
        for (ObjectNode deployment : kind(resources, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode pod = deployment.at("/spec/template/spec");
            assertTrue(spreadsOverNodes(pod.path("topologySpreadConstraints"), "app.kubernetes.io/name", name),
                    name + ": topology spread over nodes");
            String account = pod.path("serviceAccountName").asText();
            assertEquals(name, account, name + ": own ServiceAccount");
            ObjectNode serviceAccount = named(resources, "ServiceAccount", account)
                    .orElseThrow(() -> new AssertionError("no ServiceAccount " + account));
            assertFalse(serviceAccount.path("automountServiceAccountToken").asBoolean(true), account + " automount");
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), name + " automount");
            for (JsonNode container : pod.path("containers")) {
                String where = name + "/" + container.path("name").asText();
                assertEquals(memory(container.at("/resources/requests/memory")), memory(container.at("/resources/limits/memory")),
                        where + ": memory request = limit");
                assertTrue(container.at("/lifecycle/preStop/exec/command").size() > 0
                        || container.at("/lifecycle/preStop/sleep").isObject(), where + ": preStop drain");
                assertTrue(container.path("image").asText().matches(".+:\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?")
                        || container.path("image").asText().contains("@sha256:"), where + ": immutable image " + container.path("image"));
                assertFalse(container.path("image").asText().contains("SNAPSHOT"), where + ": SNAPSHOT image");
                Map<String, String> fieldRefs = new TreeMap<>();
                String attributes = "";
                for (JsonNode env : container.path("env")) {
                    if (env.at("/valueFrom/fieldRef").isObject()) {
                        fieldRefs.put(env.path("name").asText(), env.at("/valueFrom/fieldRef/fieldPath").asText());
                    }
                    if (env.path("name").asText().equals("QUARKUS_OTEL_RESOURCE_ATTRIBUTES")) {
                        attributes = env.path("value").asText();
                    }
                }
                for (String[] attribute : new String[][] { { "k8s.pod.name", "metadata.name" },
                        { "k8s.node.name", "spec.nodeName" }, { "k8s.namespace.name", "metadata.namespace" } }) {
                    Matcher ref = Pattern.compile(Pattern.quote(attribute[0]) + "=\\$\\(([A-Z0-9_]+)\\)").matcher(attributes);
                    assertTrue(ref.find(), where + ": trace attribute " + attribute[0]);
                    assertEquals(attribute[1], fieldRefs.get(ref.group(1)), where + ": " + attribute[0] + " from the downward API");
                }
                restricted(container.path("securityContext"), pod.path("securityContext"), where);
            }
        }
        for (ObjectNode pool : kind(resources, "KafkaNodePool")) {
            String name = pool.at("/metadata/name").asText();
            assertTrue(spreadsOverNodes(pool.at("/spec/template/pod/topologySpreadConstraints"), "strimzi.io/pool-name", name),
                    "KafkaNodePool " + name + ": topology spread over nodes");
            assertEquals(memory(pool.at("/spec/resources/requests/memory")), memory(pool.at("/spec/resources/limits/memory")),
                    "KafkaNodePool " + name + ": memory request = limit");
        }
        for (ObjectNode cluster : kind(resources, "Cluster")) {
            assertEquals(memory(cluster.at("/spec/resources/requests/memory")), memory(cluster.at("/spec/resources/limits/memory")),
                    "Cluster " + cluster.at("/metadata/name").asText() + ": memory request = limit");
        }
        // the pods Strimzi makes besides the brokers: without resources they were the first evicted, the exporter
        // with the lag the alerts and the autoscaling read
        for (ObjectNode kafka : kind(resources, "Kafka")) {
            for (String operand : List.of("/spec/entityOperator/topicOperator", "/spec/entityOperator/userOperator",
                    "/spec/kafkaExporter")) {
                JsonNode sized = kafka.at(operand + "/resources");
                assertTrue(sized.at("/limits/memory").isTextual(), operand + ": a memory limit");
                assertEquals(memory(sized.at("/requests/memory")), memory(sized.at("/limits/memory")),
                        operand + ": memory request = limit");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void namespaceEnforcesRestrictedPodSecurity(String overlay) {
        ObjectNode namespace = kind(render(overlay), "Namespace").get(0);
        assertEquals("restricted", namespace.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText());
        assertEquals("restricted", namespace.at("/metadata/labels/pod-security.kubernetes.io~1warn").asText());
    }

    /** No key in the repository: no rendered Secret with data; production's Secrets come from the secret store. */
    @ParameterizedTest
    @MethodSource("overlays")
    void noHandMadeSecretsAndProductionSecretsComeFromTheStore(String overlay) {
        List<ObjectNode> resources = render(overlay);
        assertEquals(List.of(), kind(resources, "Secret").stream().map(s -> s.at("/metadata/name").asText()).toList(),
                overlay + ": Secrets in the manifests");
        if (overlay.startsWith("prod")) {
            for (String secret : referencedSecrets(resources)) {
                boolean madeByOperator = madeByOperator(resources, secret);
                boolean external = kind(resources, "ExternalSecret").stream()
                        .anyMatch(e -> secret.equals(e.at("/spec/target/name").asText()));
                assertTrue(madeByOperator || external, overlay + ": Secret " + secret
                        + " is neither CloudNativePG's, Strimzi's nor an ExternalSecret's");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podMonitorsScrapeServicesKafkaAndPostgres(String overlay) {
        List<ObjectNode> resources = render(overlay);
        List<ObjectNode> monitors = kind(resources, "PodMonitor");
        for (ObjectNode deployment : kind(resources, "Deployment")) {
            JsonNode labels = deployment.at("/spec/template/metadata/labels");
            Set<String> ports = new java.util.TreeSet<>();
            deployment.at("/spec/template/spec/containers").forEach(c -> c.path("ports").forEach(p -> ports.add(p.path("name").asText())));
            assertTrue(monitors.stream().anyMatch(m -> selects(m.at("/spec/selector"), labels)
                    && stream(m.at("/spec/podMetricsEndpoints")).anyMatch(e -> ports.contains(e.path("port").asText())
                            && "/q/metrics".equals(e.path("path").asText()))),
                    deployment.at("/metadata/name").asText() + ": no PodMonitor scrapes /q/metrics");
        }
        String cluster = kind(resources, "Kafka").get(0).at("/metadata/name").asText();
        assertTrue(monitors.stream().anyMatch(m -> cluster.equals(m.at("/spec/selector/matchLabels/strimzi.io~1cluster").asText())
                && stream(m.at("/spec/podMetricsEndpoints")).anyMatch(e -> "tcp-prometheus".equals(e.path("port").asText()))),
                "no PodMonitor scrapes Kafka (tcp-prometheus)");
        assertTrue(kind(resources, "Kafka").get(0).at("/spec/kafka/metricsConfig").isObject(), "Kafka metrics exporter");
        assertTrue(monitors.stream().anyMatch(m -> "instance".equals(m.at("/spec/selector/matchLabels/cnpg.io~1podRole").asText())),
                "no PodMonitor scrapes PostgreSQL");
    }

    /**
     * The Kafka-driven services scale on consumer lag in prod-keda (their group, on a topic that exists, no more
     * instances than partitions); the API scales on CPU everywhere. The lag is Strimzi's Kafka Exporter's
     * {@code kafka_consumergroup_lag} read from Prometheus (a {@code prometheus} trigger), or read from Kafka itself
     * (a {@code kafka} trigger) only on a listener the Kafka has, with a TriggerAuthentication: there is no
     * unauthenticated listener to read it from (issue 13).
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void autoscalingFollowsLagForConsumersAndCpuForTheApi(String overlay) throws IOException {
        List<ObjectNode> resources = render(overlay);
        Map<String, Integer> partitions = new TreeMap<>();
        TopicCatalogue.read(ROOT.resolve("deploy/topics.conf")).forEach(t -> partitions.put(t.name(), t.partitions()));
        ObjectNode api = kind(resources, "HorizontalPodAutoscaler").stream()
                .filter(h -> "application-service".equals(h.at("/spec/scaleTargetRef/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("application-service: no HorizontalPodAutoscaler"));
        assertTrue(stream(api.at("/spec/metrics")).anyMatch(m -> "cpu".equals(m.at("/resource/name").asText())), "API on CPU");
        List<ObjectNode> scaled = kind(resources, "ScaledObject");
        if (overlay.equals("prod-keda")) {
            assertEquals(Set.of("photo-audit-service", "idcard-service"),
                    Set.copyOf(scaled.stream().map(s -> s.at("/spec/scaleTargetRef/name").asText()).toList()));
        }
        for (ObjectNode object : scaled) {
            String service = object.at("/spec/scaleTargetRef/name").asText();
            String properties = Files.readString(ROOT.resolve(service + "/src/main/resources/application.properties"));
            Set<Integer> listenerPorts = new java.util.HashSet<>();
            kind(resources, "Kafka").forEach(k -> k.at("/spec/kafka/listeners").forEach(l -> listenerPorts.add(l.path("port").asInt())));
            int kafkaTriggers = 0;
            for (JsonNode trigger : object.at("/spec/triggers")) {
                String topic;
                String group;
                if ("kafka".equals(trigger.path("type").asText())) {
                    String bootstrap = trigger.at("/metadata/bootstrapServers").asText();
                    int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
                    assertTrue(listenerPorts.contains(port), service + ": lag read from port " + port
                            + ", which is no listener of the Kafka " + listenerPorts);
                    assertFalse(trigger.at("/authenticationRef/name").asText().isEmpty(),
                            service + ": a kafka trigger must log in (authenticationRef)");
                    topic = trigger.at("/metadata/topic").asText();
                    group = trigger.at("/metadata/consumerGroup").asText();
                } else if ("prometheus".equals(trigger.path("type").asText())
                        && trigger.at("/metadata/query").asText().contains("kafka_consumergroup_lag")) {
                    String query = trigger.at("/metadata/query").asText();
                    assertFalse(trigger.at("/metadata/serverAddress").asText().isEmpty(), service + ": Prometheus address");
                    assertTrue(query.contains("namespace=\"elicence\""), service + ": lag of this namespace's groups: " + query);
                    assertFalse(kind(resources, "Kafka").get(0).at("/spec/kafkaExporter").isMissingNode(),
                            service + ": lag from Prometheus needs Strimzi's Kafka Exporter");
                    topic = label(query, "topic");
                    group = label(query, "consumergroup");
                } else {
                    continue;
                }
                kafkaTriggers++;
                assertTrue(partitions.containsKey(topic), service + ": lag on unknown topic " + topic);
                assertTrue(properties.contains("mp.messaging.incoming." + topic + ".group.id=" + group),
                        service + ": consumes " + topic + " as group " + group);
                assertTrue(object.at("/spec/maxReplicaCount").asInt() <= partitions.get(topic),
                        service + ": more instances than partitions of " + topic);
            }
            assertTrue(kafkaTriggers > 0, service + ": ScaledObject without a Kafka lag trigger");
        }
    }

    // --- helpers

    /** Pod Security "restricted" for one container of a pod spec. */
    static void restricted(JsonNode container, JsonNode pod, String where) {
        assertTrue(container.path("runAsNonRoot").asBoolean(false) || pod.path("runAsNonRoot").asBoolean(false), where + " runAsNonRoot");
        assertFalse(container.path("allowPrivilegeEscalation").asBoolean(true), where + " allowPrivilegeEscalation");
        assertTrue(container.at("/capabilities/drop").toString().contains("\"ALL\""), where + " drops ALL capabilities");
        String seccomp = container.at("/seccompProfile/type").asText(pod.at("/seccompProfile/type").asText());
        assertTrue(Set.of("RuntimeDefault", "Localhost").contains(seccomp), where + " seccompProfile");
    }

    private static boolean spreadsOverNodes(JsonNode constraints, String label, String value) {
        return stream(constraints).anyMatch(c -> "kubernetes.io/hostname".equals(c.path("topologyKey").asText())
                && c.path("maxSkew").asInt() == 1
                && value.equals(c.at("/labelSelector/matchLabels").path(label).asText()));
    }

    private static int maxReplicas(List<ObjectNode> resources, String name) {
        for (ObjectNode r : resources) {
            if (name.equals(r.at("/spec/scaleTargetRef/name").asText())) {
                return "ScaledObject".equals(r.path("kind").asText()) ? r.at("/spec/maxReplicaCount").asInt()
                        : r.at("/spec/maxReplicas").asInt();
            }
        }
        throw new AssertionError(name + ": no autoscaler");
    }

    /**
     * A Secret an operator makes from a rendered resource: CloudNativePG's {@code <cluster>-app} and {@code <cluster>-ca}, Strimzi's
     * {@code <kafka>-cluster-ca-cert} and {@code <kafka>-clients-ca-cert}, and the User Operator's Secret named
     * after each KafkaUser (its SCRAM password or client certificate).
     */
    static boolean madeByOperator(List<ObjectNode> resources, String secret) {
        boolean cnpg = Stream.of("-app", "-ca").anyMatch(suffix -> secret.endsWith(suffix)
                && named(resources, "Cluster", secret.substring(0, secret.length() - suffix.length())).isPresent());
        boolean strimziCa = kind(resources, "Kafka").stream().map(k -> k.at("/metadata/name").asText())
                .anyMatch(k -> secret.equals(k + "-cluster-ca-cert") || secret.equals(k + "-clients-ca-cert"));
        boolean kafkaUser = named(resources, "KafkaUser", secret).isPresent();
        return cnpg || strimziCa || kafkaUser;
    }

    static List<String> referencedSecrets(List<ObjectNode> resources) {
        List<String> secrets = new ArrayList<>();
        for (ObjectNode r : resources) {
            if (r.path("kind").asText().equals("ExternalSecret")) {
                continue;
            }
            r.findValues("secretKeyRef").forEach(ref -> secrets.add(ref.path("name").asText()));
            r.findValues("secret").forEach(ref -> {
                if (ref.has("secretName")) {
                    secrets.add(ref.path("secretName").asText());
                }
            });
            r.findValues("certificateRefs").forEach(refs -> refs.forEach(ref -> secrets.add(ref.path("name").asText())));
            r.findValues("s3Credentials").forEach(c -> c.forEach(ref -> secrets.add(ref.path("name").asText())));
        }
        return secrets.stream().distinct().sorted().toList();
    }

    /** The JDBC URL a service's ConfigMap gives it ({@code *_DB_URL}). */
    static String databaseUrl(List<ObjectNode> resources, String service) {
        JsonNode config = named(resources, "ConfigMap", service + "-config").orElseThrow().path("data");
        String url = null;
        for (var it = config.fields(); it.hasNext();) {
            var field = it.next();
            if (field.getKey().endsWith("_DB_URL")) {
                url = field.getValue().asText();
            }
        }
        assertNotNull(url, service + ": no *_DB_URL");
        return url;
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        for (var it = selector.path("matchLabels").fields(); it.hasNext();) {
            var label = it.next();
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText())) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            if (!"In".equals(expression.path("operator").asText())
                    || !expression.path("values").toString().contains("\"" + labels.path(expression.path("key").asText()).asText() + "\"")) {
                return false;
            }
        }
        return true;
    }

    /** The value a PromQL selector gives {@code label} ({@code label="value"}), or an error. */
    private static String label(String query, String label) {
        Matcher m = Pattern.compile("[{,]\\s*" + label + "=\"([^\"]+)\"").matcher(query);
        if (!m.find()) {
            throw new AssertionError("lag query without " + label + ": " + query);
        }
        return m.group(1);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }

    private static Optional<ObjectNode> named(List<ObjectNode> resources, String kind, String name) {
        return kind(resources, kind).stream().filter(r -> name.equals(r.at("/metadata/name").asText())).findFirst();
    }

    /** Bytes of a Kubernetes memory quantity (Ki, Mi, Gi or plain). */
    static long memory(JsonNode quantity) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi)?").matcher(quantity.asText());
        assertTrue(m.matches(), "memory quantity " + quantity);
        long value = Long.parseLong(m.group(1));
        return m.group(2) == null ? value : value << switch (m.group(2)) {
            case "Ki" -> 10;
            case "Mi" -> 20;
            default -> 30;
        };
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int d = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }
}
