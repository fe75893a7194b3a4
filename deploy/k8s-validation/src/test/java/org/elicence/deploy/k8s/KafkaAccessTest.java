package org.elicence.deploy.k8s;

import static org.elicence.deploy.k8s.OverlaysTest.kind;
import static org.elicence.deploy.k8s.OverlaysTest.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.elicence.infra.KafkaAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Kafka on Kubernetes is authenticated and authorised exactly as deploy/kafka-access.conf says (issue 13): one
 * KafkaUser per principal of the file with exactly its ACLs, services by SCRAM-SHA-512 and operators by client
 * certificate; the Kafka has no listener without TLS and authentication and authorises with ACLs; every service
 * logs in as its own KafkaUser over TLS, trusting the cluster CA.
 */
class KafkaAccessTest {

    static Stream<String> overlays() throws IOException {
        return OverlaysTest.overlays();
    }

    /**
     * principal -> its ACLs as "type:patternType:name:Operation": Strimzi's spelling of the ACLs that the local
     * broker's reader of deploy/kafka-access.conf ({@link KafkaAccess}) makes of the checkout's file, so the cluster
     * and the local broker cannot grant differently.
     */
    static Map<String, Set<String>> accessConf() {
        Map<String, Set<String>> acls = new TreeMap<>();
        for (AclBinding binding : KafkaAccess.bindings(KafkaAccess.read(OverlaysTest.ROOT.resolve("deploy/kafka-access.conf")))) {
            ResourcePattern pattern = binding.pattern();
            String patternType = switch (pattern.patternType()) {
                case LITERAL -> "literal";
                case PREFIXED -> "prefix";
                default -> throw new AssertionError("kafka-access.conf: pattern " + pattern);
            };
            // Kafka's one cluster resource is always named kafka-cluster; a KafkaUser's cluster ACL names none.
            String name = pattern.resourceType() == ResourceType.CLUSTER ? "" : pattern.name();
            String principal = binding.entry().principal().substring("User:".length());
            acls.computeIfAbsent(principal, p -> new TreeSet<>()).add(pattern.resourceType().name().toLowerCase()
                    + ":" + patternType + ":" + name + ":" + strimziOperation(binding.entry().operation()));
        }
        return acls;
    }

    /** DESCRIBE_CONFIGS -> DescribeConfigs, as Strimzi's KafkaUser names operations. */
    private static String strimziOperation(AclOperation operation) {
        StringBuilder name = new StringBuilder();
        for (String word : operation.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase());
        }
        return name.toString();
    }

    @Test
    void accessConfNamesEveryServiceAndSomeOperators() {
        Map<String, Set<String>> conf = accessConf();
        for (ObjectNode deployment : kind(render("dev"), "Deployment")) {
            assertTrue(conf.containsKey(deployment.at("/metadata/name").asText()), deployment.at("/metadata/name") + " has no principal");
        }
        assertTrue(conf.size() > 4, "operators' principals");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaUsersAreExactlyKafkaAccessConf(String overlay) throws IOException {
        List<ObjectNode> resources = render(overlay);
        String cluster = kind(resources, "Kafka").get(0).at("/metadata/name").asText();
        Set<String> services = new TreeSet<>();
        kind(resources, "Deployment").forEach(d -> services.add(d.at("/metadata/name").asText()));
        Map<String, Set<String>> actual = new TreeMap<>();
        for (ObjectNode user : kind(resources, "KafkaUser")) {
            String name = user.at("/metadata/name").asText();
            assertEquals(cluster, user.at("/metadata/labels/strimzi.io~1cluster").asText(), name + ": strimzi.io/cluster");
            assertEquals(services.contains(name) ? "scram-sha-512" : "tls", user.at("/spec/authentication/type").asText(),
                    name + ": services log in with SCRAM-SHA-512, operators with a client certificate");
            assertEquals("simple", user.at("/spec/authorization/type").asText(), name + ": ACLs");
            Set<String> acls = new TreeSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                assertEquals("*", acl.path("host").asText("*"), name + ": ACLs from any host");
                assertEquals("allow", acl.path("type").asText("allow").toLowerCase(), name + ": only allow rules");
                JsonNode resource = acl.path("resource");
                String prefix = resource.path("type").asText() + ":" + resource.path("patternType").asText("literal") + ":"
                        + resource.path("name").asText() + ":";
                assertFalse(acl.path("operations").isEmpty(), name + ": an ACL without operations");
                acl.path("operations").forEach(op -> acls.add(prefix + op.asText()));
            }
            actual.put(name, acls);
        }
        assertEquals(accessConf(), actual, overlay + ": KafkaUsers differ from deploy/kafka-access.conf");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyListenerIsTlsAuthenticatedAndAuthorised(String overlay) {
        ObjectNode kafka = kind(render(overlay), "Kafka").get(0);
        assertEquals("simple", kafka.at("/spec/kafka/authorization/type").asText(), "authorization: simple");
        Set<String> types = new TreeSet<>();
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            String name = listener.path("name").asText();
            assertTrue(listener.path("tls").asBoolean(), overlay + ": listener " + name + " without TLS");
            assertTrue(listener.at("/authentication/type").isTextual(), overlay + ": listener " + name + " without authentication");
            assertFalse(listener.path("networkPolicyPeers").isEmpty(), overlay + ": listener " + name + " open to every pod");
            types.add(listener.at("/authentication/type").asText());
        }
        assertEquals(Set.of("scram-sha-512", "tls"), types, "services' SCRAM and operators' mutual TLS");
        assertTrue(kafka.at("/spec/entityOperator/userOperator").isObject(), "the User Operator reconciles the KafkaUsers");
    }

    /** Each service: its own KafkaUser's password, the SCRAM listener over TLS, the cluster CA as trust store. */
    @ParameterizedTest
    @MethodSource("overlays")
    void servicesLogInAsTheirKafkaUserOverTls(String overlay) {
        List<ObjectNode> resources = render(overlay);
        ObjectNode kafka = kind(resources, "Kafka").get(0);
        String cluster = kafka.at("/metadata/name").asText();
        int scramPort = -1;
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            if ("scram-sha-512".equals(listener.at("/authentication/type").asText())) {
                scramPort = listener.path("port").asInt();
            }
        }
        for (ObjectNode deployment : kind(resources, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            Map<String, JsonNode> env = new TreeMap<>();
            container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
            assertEquals(name, env.getOrDefault("KAFKA_USERNAME", MissingNode.getInstance()).path("value").asText(), name + ": KAFKA_USERNAME");
            JsonNode password = env.getOrDefault("KAFKA_PASSWORD", MissingNode.getInstance()).at("/valueFrom/secretKeyRef");
            assertEquals(name, password.path("name").asText(), name + ": KAFKA_PASSWORD from its KafkaUser's Secret");
            assertEquals("password", password.path("key").asText(), name + ": KAFKA_PASSWORD key");
            assertTrue(kind(resources, "KafkaUser").stream().anyMatch(u -> name.equals(u.at("/metadata/name").asText())
                    && "scram-sha-512".equals(u.at("/spec/authentication/type").asText())), name + ": no SCRAM KafkaUser");

            JsonNode config = kind(resources, "ConfigMap").stream()
                    .filter(c -> (name + "-config").equals(c.at("/metadata/name").asText())).findFirst().orElseThrow().path("data");
            assertEquals(cluster + "-kafka-bootstrap:" + scramPort, config.path("KAFKA_BOOTSTRAP_SERVERS").asText(), name);
            assertEquals("SASL_SSL", config.path("KAFKA_SECURITY_PROTOCOL").asText(), name + ": KAFKA_SECURITY_PROTOCOL");
            assertEquals("PEM", config.path("KAFKA_SSL_TRUSTSTORE_TYPE").asText(), name + ": KAFKA_SSL_TRUSTSTORE_TYPE");
            String truststore = config.path("KAFKA_SSL_TRUSTSTORE_LOCATION").asText();
            assertEquals(cluster + "-cluster-ca-cert", secretMountedAt(deployment, truststore), name + ": trust store " + truststore);
            // every service obeys operators' dead-letter replays, so every one checks their signatures
            String operatorsTrust = config.path("MESSAGING_OPERATORS_TRUST").asText("");
            assertFalse(operatorsTrust.isEmpty(), name + ": MESSAGING_OPERATORS_TRUST is not set");
            assertEquals(cluster + "-clients-ca-cert", secretMountedAt(deployment, operatorsTrust),
                    name + ": operators' commands are checked against the clients CA that issues their certificates");
        }
    }

    /** The Secret whose volume is mounted where {@code file} lies, with the file's name as one of its keys' paths. */
    private static String secretMountedAt(JsonNode deployment, String file) {
        Path path = Path.of(file);
        JsonNode spec = deployment.at("/spec/template/spec");
        List<String> found = new ArrayList<>();
        for (JsonNode mount : spec.at("/containers/0/volumeMounts")) {
            if (!Path.of(mount.path("mountPath").asText()).equals(path.getParent())) {
                continue;
            }
            for (JsonNode volume : spec.path("volumes")) {
                if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("secret")) {
                    JsonNode items = volume.at("/secret/items");
                    boolean present = items.isMissingNode()
                            || items.findValuesAsText("path").contains(path.getFileName().toString());
                    if (present) {
                        found.add(volume.at("/secret/secretName").asText());
                    }
                }
            }
        }
        return found.size() == 1 ? found.get(0) : "no single Secret mounted at " + file;
    }
}
