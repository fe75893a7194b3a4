package org.elicence.deploy.k8s;

import static org.elicence.deploy.k8s.OverlaysTest.kind;
import static org.elicence.deploy.k8s.OverlaysTest.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The namespace's NetworkPolicies (issue 13): default deny both ways; the gateway reaches only the services of
 * the public routes, on the port the routes use; each service reaches only Kafka's SCRAM listener, its own
 * database, DNS and the trace collector; a database accepts only its own service (and its own instances);
 * Prometheus reaches what the PodMonitors scrape.
 */
class NetworkPoliciesTest {

    private static final String DNS = "dns";
    /** The services' management port (health, metrics), never their API's; Kafka's and PostgreSQL's exporters. */
    private static final Set<String> METRIC_PORTS = Set.of("management", "tcp-prometheus", "metrics");

    static Stream<String> overlays() throws IOException {
        return OverlaysTest.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everythingIsDeniedUnlessAllowed(String overlay) {
        List<ObjectNode> policies = kind(render(overlay), "NetworkPolicy");
        assertTrue(policies.stream().anyMatch(p -> p.at("/spec/podSelector").isEmpty()
                && p.at("/spec/policyTypes").toString().contains("Ingress") && p.at("/spec/policyTypes").toString().contains("Egress")
                && p.at("/spec/ingress").isEmpty() && p.at("/spec/egress").isEmpty()), overlay + ": no default-deny NetworkPolicy");
        for (ObjectNode policy : policies) {
            String name = policy.at("/metadata/name").asText();
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : policy.at("/spec/" + direction)) {
                    JsonNode peers = rule.path("ingress".equals(direction) ? "from" : "to");
                    assertFalse(peers.isEmpty() && rule.path("ports").isEmpty(), name + ": a " + direction + " rule allowing everything");
                    for (JsonNode peer : peers) {
                        assertFalse(peer.has("ipBlock"), name + ": ipBlock " + peer);
                    }
                    if ("ingress".equals(direction)) {
                        assertFalse(peers.isEmpty(), name + ": ingress from anywhere");
                    }
                }
            }
        }
    }

    /**
     * Egress to any address (the Kubernetes API, an object store: ports only, no peer) is for the pods that need it:
     * the databases' instance managers (API, backups) and Strimzi's entity operator (API), not the brokers.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheDatabasesAndTheEntityOperatorReachAddressesOutsideTheCluster(String overlay) {
        for (ObjectNode policy : kind(render(overlay), "NetworkPolicy")) {
            for (JsonNode rule : policy.at("/spec/egress")) {
                if (!rule.path("to").isEmpty()) {
                    continue;
                }
                JsonNode pods = policy.at("/spec/podSelector/matchLabels");
                assertTrue(pods.has("cnpg.io/cluster")
                        || pods.path("strimzi.io/name").asText().endsWith("-entity-operator"),
                        overlay + ": " + policy.at("/metadata/name").asText() + " lets " + pods + " reach anywhere on "
                                + rule.path("ports"));
            }
        }
    }

    /**
     * A peer in another namespace is admitted by its namespace's name (kubernetes.io/metadata.name, set by the API
     * server only), never by pod labels alone in any namespace ({@code namespaceSelector: {}}): anyone who may create
     * a pod somewhere could label it as Prometheus or the gateway's proxy and reach every service's whole port.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void peersOfOtherNamespacesAreNamedByTheirNamespace(String overlay) {
        Set<String> outsiders = new TreeSet<>();
        for (ObjectNode policy : kind(render(overlay), "NetworkPolicy")) {
            String name = policy.at("/metadata/name").asText();
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : policy.at("/spec/" + direction)) {
                    for (JsonNode peer : rule.path("ingress".equals(direction) ? "from" : "to")) {
                        if (!peer.has("namespaceSelector")) {
                            continue;
                        }
                        JsonNode selector = peer.path("namespaceSelector");
                        assertFalse(selector.has("matchExpressions"), name + ": " + peer);
                        assertEquals(List.of("kubernetes.io/metadata.name"), fieldNames(selector.path("matchLabels")),
                                name + ": a namespace chosen by anything but its name " + peer);
                        if ("ingress".equals(direction)) {
                            outsiders.add(describe(peer, "") + " in " + selector.at("/matchLabels/kubernetes.io~1metadata.name").asText());
                        }
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(Set.of("pods app.kubernetes.io/name=prometheus in monitoring",
                "pods gateway.envoyproxy.io/owning-gateway-name=elicence-gateway,"
                        + "gateway.envoyproxy.io/owning-gateway-namespace=elicence in envoy-gateway-system",
                "pods app.kubernetes.io/name=cloudnative-pg in cnpg-system")), outsiders,
                overlay + ": who is admitted from other namespaces");
    }

    /** What each service's pods may reach: Kafka's SCRAM listener, its own database, DNS, the trace collector. */
    @ParameterizedTest
    @MethodSource("overlays")
    void servicesReachOnlyKafkaTheirDatabaseAndDns(String overlay) {
        List<ObjectNode> resources = render(overlay);
        List<ObjectNode> policies = kind(resources, "NetworkPolicy");
        ObjectNode kafka = kind(resources, "Kafka").get(0);
        String cluster = kafka.at("/metadata/name").asText();
        String scramPort = "";
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            if ("scram-sha-512".equals(listener.at("/authentication/type").asText())) {
                scramPort = listener.path("port").asText();
            }
        }
        for (ObjectNode deployment : kind(resources, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode labels = deployment.at("/spec/template/metadata/labels");
            String database = database(resources, name);
            Set<String> reached = new TreeSet<>();
            for (ObjectNode policy : selecting(policies, labels)) {
                for (JsonNode rule : policy.at("/spec/egress")) {
                    assertFalse(rule.path("to").isEmpty(), name + ": egress to any address (" + policy.at("/metadata/name").asText() + ")");
                    for (JsonNode peer : rule.path("to")) {
                        for (String port : ports(rule)) {
                            reached.add(describe(peer, cluster) + ":" + port);
                        }
                    }
                }
            }
            assertEquals(new TreeSet<>(Set.of("kafka:TCP/" + scramPort, "database " + database + ":TCP/5432", DNS + ":UDP/53", DNS + ":TCP/53",
                    "namespace observability:TCP/4317")), reached, overlay + ": what " + name + " may reach");
        }
    }

    /** The gateway reaches exactly the services of the public routes; nothing else reaches a service but Prometheus. */
    @ParameterizedTest
    @MethodSource("overlays")
    void gatewayReachesOnlyThePublicRoutesServices(String overlay) {
        List<ObjectNode> resources = render(overlay);
        List<ObjectNode> policies = kind(resources, "NetworkPolicy");
        Set<String> routed = new TreeSet<>();
        for (ObjectNode route : kind(resources, "HTTPRoute")) {
            route.findValues("backendRefs").forEach(refs -> refs.forEach(ref -> routed.add(ref.path("name").asText())));
        }
        // Envoy Gateway's proxy names the Gateway it serves by name and namespace (its default mode)
        List<ObjectNode> gateways = kind(resources, "Gateway");
        assertEquals(1, gateways.size(), overlay + ": one Gateway");
        String gatewayName = gateways.get(0).at("/metadata/name").asText();
        String gatewayNamespace = gateways.get(0).at("/metadata/namespace").asText();
        Set<String> reachedByGateway = new TreeSet<>();
        for (ObjectNode deployment : kind(resources, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode labels = deployment.at("/spec/template/metadata/labels");
            for (ObjectNode policy : selecting(policies, labels)) {
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    for (JsonNode peer : rule.path("from")) {
                        boolean prometheus = "prometheus".equals(peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText());
                        boolean gateway = gatewayName.equals(peer.at(
                                "/podSelector/matchLabels/gateway.envoyproxy.io~1owning-gateway-name").asText())
                                && gatewayNamespace.equals(peer.at(
                                        "/podSelector/matchLabels/gateway.envoyproxy.io~1owning-gateway-namespace").asText());
                        assertTrue(prometheus || gateway, name + ": ingress from " + peer);
                        if (gateway) {
                            reachedByGateway.add(name);
                            assertEquals(List.of("TCP/http"), ports(rule), name + ": the gateway reaches only the HTTP port");
                        } else {
                            assertTrue(METRIC_PORTS.containsAll(ports(rule).stream().map(p -> p.substring(4)).toList()),
                                    name + ": Prometheus on metrics ports only " + ports(rule));
                        }
                    }
                }
            }
        }
        assertEquals(routed, reachedByGateway, overlay + ": services the gateway reaches");
    }

    /** A database's PostgreSQL port: its own service and its own instances only. */
    @ParameterizedTest
    @MethodSource("overlays")
    void databasesAcceptOnlyTheirService(String overlay) {
        List<ObjectNode> resources = render(overlay);
        List<ObjectNode> policies = kind(resources, "NetworkPolicy");
        for (ObjectNode deployment : kind(resources, "Deployment")) {
            String service = deployment.at("/metadata/name").asText();
            String database = database(resources, service);
            JsonNode labels = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("cnpg.io/cluster", database).put("cnpg.io/podRole", "instance");
            Set<String> clients = new TreeSet<>();
            for (ObjectNode policy : selecting(policies, labels)) {
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    if (ports(rule).contains("TCP/5432")) {
                        rule.path("from").forEach(peer -> clients.add(describe(peer, "")));
                    }
                }
            }
            assertEquals(Set.of("pods app.kubernetes.io/name=" + service, "database " + database), clients,
                    overlay + ": who connects to " + database);
        }
    }

    /** Every port a PodMonitor scrapes is open to Prometheus. */
    @ParameterizedTest
    @MethodSource("overlays")
    void prometheusReachesWhatThePodMonitorsScrape(String overlay) {
        List<ObjectNode> resources = render(overlay);
        Set<String> open = new TreeSet<>();
        for (ObjectNode policy : selecting(kind(resources, "NetworkPolicy"), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode())) {
            for (JsonNode rule : policy.at("/spec/ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    if ("prometheus".equals(peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText())) {
                        ports(rule).forEach(p -> open.add(p.substring(4)));
                    }
                }
            }
        }
        for (ObjectNode monitor : kind(resources, "PodMonitor")) {
            monitor.at("/spec/podMetricsEndpoints").forEach(e -> assertTrue(open.contains(e.path("port").asText()),
                    monitor.at("/metadata/name").asText() + ": port " + e.path("port").asText() + " closed to Prometheus"));
        }
    }

    // --- helpers

    private static String database(List<ObjectNode> resources, String service) {
        Matcher m = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw[:/]")
                .matcher(ProductionReadinessTest.databaseUrl(resources, service));
        if (!m.find()) {
            throw new AssertionError(service + ": its database URL is not a CloudNativePG -rw service");
        }
        return m.group(1);
    }

    /** The policies of the namespace whose podSelector selects pods with {@code labels} (matchLabels only). */
    private static List<ObjectNode> selecting(List<ObjectNode> policies, JsonNode labels) {
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode policy : policies) {
            JsonNode selector = policy.at("/spec/podSelector");
            assertFalse(selector.has("matchExpressions"), policy.at("/metadata/name") + ": matchLabels only (the test reads them)");
            boolean selects = true;
            for (var it = selector.path("matchLabels").fields(); it.hasNext();) {
                var label = it.next();
                selects &= label.getValue().asText().equals(labels.path(label.getKey()).asText());
            }
            if (selects) {
                result.add(policy);
            }
        }
        return result;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> ports(JsonNode rule) {
        List<String> ports = new ArrayList<>();
        rule.path("ports").forEach(p -> ports.add(p.path("protocol").asText("TCP") + "/" + p.path("port").asText()));
        return ports;
    }

    /** A peer as the test names it: kafka, database X, dns, namespace N, pods k=v. */
    private static String describe(JsonNode peer, String kafkaCluster) {
        JsonNode pods = peer.at("/podSelector/matchLabels");
        JsonNode namespace = peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name");
        if ("kube-system".equals(namespace.asText()) && "kube-dns".equals(pods.path("k8s-app").asText())) {
            return DNS;
        }
        if (peer.has("namespaceSelector")) {
            assertTrue(namespace.isTextual() && !pods.isMissingNode() || namespace.isTextual() && !peer.has("podSelector"),
                    "a peer in any namespace must name its pods: " + peer);
            if (!peer.has("podSelector")) {
                return "namespace " + namespace.asText();
            }
        }
        if (!kafkaCluster.isEmpty() && kafkaCluster.equals(pods.path("strimzi.io/cluster").asText())) {
            assertEquals("true", pods.path("strimzi.io/broker-role").asText(), "Kafka peer: the brokers only " + peer);
            return "kafka";
        }
        if (pods.has("cnpg.io/cluster")) {
            return "database " + pods.path("cnpg.io/cluster").asText();
        }
        List<String> names = new ArrayList<>();
        pods.fields().forEachRemaining(f -> names.add(f.getKey() + "=" + f.getValue().asText()));
        return "pods " + String.join(",", names);
    }
}
