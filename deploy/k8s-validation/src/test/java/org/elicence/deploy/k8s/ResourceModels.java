package org.elicence.deploy.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Parses each rendered resource into a typed model, so that a misspelt or misplaced field fails:
 * fabric8's Kubernetes model for built-in kinds and the Gateway API, Strimzi's API model for Kafka resources,
 * the operators' own CRDs where they are vendored (CrdSchemas: Strimzi's), and JSON Schemas
 * (src/test/resources/crd-schemas, sources in README.md there) for CloudNativePG, KEDA and the other operators.
 * <p>
 * fabric8's and Strimzi's models keep unknown fields in an {@code additionalProperties} map instead of failing,
 * as a client must; this class walks the parsed object graph and reports every non-empty one.
 */
final class ResourceModels {

    /** The typed model of each apiVersion/kind the manifests may use. */
    static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("gateway.networking.k8s.io/v1/Gateway", Gateway.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Pod", Pod.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    /** apiVersion/kind validated by a JSON Schema of the custom resource. */
    static final Map<String, String> SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "crd-schemas/cnpg-cluster-v1.json",
            "postgresql.cnpg.io/v1/ScheduledBackup", "crd-schemas/cnpg-scheduledbackup-v1.json",
            "barmancloud.cnpg.io/v1/ObjectStore", "crd-schemas/barmancloud-objectstore-v1.json",
            "monitoring.coreos.com/v1/PodMonitor", "crd-schemas/monitoring-podmonitor-v1.json",
            "monitoring.coreos.com/v1/PrometheusRule", "crd-schemas/monitoring-prometheusrule-v1.json",
            "external-secrets.io/v1/ExternalSecret", "crd-schemas/external-secrets-externalsecret-v1.json",
            "keda.sh/v1alpha1/ScaledObject", "crd-schemas/keda-scaledobject-v1alpha1.json");

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final JsonSchemaFactory SCHEMA_FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private ResourceModels() {
    }

    static String typeOf(JsonNode resource) {
        return resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
    }

    /** Every problem found in {@code resource}; empty when it is valid. */
    static List<String> problems(JsonNode resource) {
        String type = typeOf(resource);
        String where = type + " " + resource.at("/metadata/name").asText();
        List<String> problems = new ArrayList<>();
        // The operator's own CRD where it is here (CrdSchemas): what its API server accepts, for the operator
        // version deployed; a typed model or a hand-written schema may be older or looser.
        JsonSchema crd = CrdSchemas.forType(type);
        if (crd != null) {
            problems.addAll(messages(where, crd.validate(resource)));
        }
        Class<?> model = TYPED.get(type);
        if (model != null) {
            Object parsed;
            try {
                parsed = JSON.treeToValue(resource, model);
            } catch (IOException e) {
                problems.add(where + ": " + e.getMessage().lines().findFirst().orElse(""));
                return problems;
            }
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(parsed, "", unknown, new IdentityHashMap<>());
            unknown.forEach(field -> problems.add(where + ": unknown field " + field));
            return problems;
        }
        String schema = SCHEMAS.get(type);
        if (schema != null) {
            problems.addAll(messages(where, schema(schema).validate(resource)));
        } else if (crd == null) {
            problems.add(where + ": no typed model, CRD or schema for " + type + " (add one to ResourceModels)");
        }
        return problems;
    }

    private static List<String> messages(String where, Set<ValidationMessage> messages) {
        return messages.stream().map(message -> where + ": " + message.getMessage()).sorted()
                .collect(Collectors.toList());
    }

    private static JsonSchema schema(String resource) {
        try (InputStream in = ResourceModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + resource);
            }
            return SCHEMA_FACTORY.getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks the getters of fabric8 and Strimzi model objects and records non-empty additionalProperties. */
    private static void collectUnknownFields(Object value, String path, List<String> unknown,
            Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknownFields(list.get(i), path + "[" + i + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> collectUnknownFields(element, path + "." + key, unknown, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                collectUnknownFields(property, path + "." + name, unknown, seen);
            }
        }
    }
}
