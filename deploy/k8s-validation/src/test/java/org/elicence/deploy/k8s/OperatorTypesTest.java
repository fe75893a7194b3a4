package org.elicence.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every custom resource of CloudNativePG, the Prometheus Operator, External Secrets, KEDA and the Gateway API in
 * every overlay validates against the operators' own API types: the validators the {@code @kubernetes-models} npm
 * packages generate from the operators' published schemas (a CloudNativePG API of 1.27 or later, the
 * Gateway API's v1 CRDs ...), pinned in {@code operator-types/package.json}. They check what the closed schemas
 * of {@code crd-schemas} (transcriptions) may have got wrong: types, enums, required fields, patterns and bounds;
 * the closed schemas, in turn, refuse fields these types would let through. Runs on Node.js (installed on this
 * project's machines); the packages are installed with {@code npm ci} into {@code target/} on first use.
 */
class OperatorTypesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCE = OverlaysTest.ROOT.resolve("deploy/k8s-validation/operator-types");
    private static final Path WORK = OverlaysTest.ROOT.resolve("deploy/k8s-validation/target/operator-types");
    /** Custom resource groups with a type in the packages; Strimzi's have their own CRDs (CrdSchemasTest). */
    private static final Set<String> TYPED_GROUPS = Set.of("postgresql.cnpg.io", "monitoring.coreos.com",
            "external-secrets.io", "keda.sh", "gateway.networking.k8s.io");

    @BeforeAll
    static void installPackages() throws Exception {
        Assumptions.assumeTrue(run(List.of("node", "--version"), 30).exitCode() == 0, "Node.js is not installed");
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/@kubernetes-models/cloudnative-pg"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", WORK.toString()), 300);
            assertEquals(0, install.exitCode(), "npm ci failed: " + install.output());
        }
    }

    static Stream<String> overlays() throws IOException {
        return OverlaysTest.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void customResourcesValidateAgainstTheOperatorsTypes(String overlay) throws Exception {
        List<ObjectNode> typed = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        for (ObjectNode resource : OverlaysTest.render(overlay)) {
            String apiVersion = resource.path("apiVersion").asText();
            if (TYPED_GROUPS.contains(apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "")) {
                typed.add(resource);
                types.add(apiVersion + "/" + resource.path("kind").asText());
            }
        }
        assertTrue(types.contains("postgresql.cnpg.io/v1/Cluster") && types.contains("monitoring.coreos.com/v1/PodMonitor"),
                overlay + " renders no CloudNativePG Cluster or PodMonitor: " + types);
        JsonNode report = validate(typed, overlay);
        assertEquals(List.of(), texts(report.path("errors")), overlay + ": resources that fail the operators' types");
        assertEquals(List.of(), texts(report.path("withoutModel")), overlay + ": resources no type was found for");
        int validated = 0;
        for (JsonNode count : report.path("validated")) {
            validated += count.asInt();
        }
        assertEquals(typed.size(), validated, overlay + ": every resource validated once: " + report);
    }

    /** The validator is not a pass-through: a wrong type, an unknown enum value, a missing required field fail. */
    @Test
    void aResourceThatBreaksTheOperatorsTypesFails() throws Exception {
        ObjectNode wrongType = (ObjectNode) JSON.readTree("""
                {"apiVersion":"postgresql.cnpg.io/v1","kind":"Cluster","metadata":{"name":"a"},
                 "spec":{"instances":"three","storage":{"size":"1Gi"}}}""");
        ObjectNode wrongEnum = (ObjectNode) JSON.readTree("""
                {"apiVersion":"postgresql.cnpg.io/v1","kind":"Cluster","metadata":{"name":"b"},
                 "spec":{"instances":3,"primaryUpdateStrategy":"sometimes","storage":{"size":"1Gi"}}}""");
        ObjectNode missingRequired = (ObjectNode) JSON.readTree("""
                {"apiVersion":"postgresql.cnpg.io/v1","kind":"ScheduledBackup","metadata":{"name":"c"},
                 "spec":{"cluster":{"name":"a"}}}""");
        JsonNode report = validate(List.of(wrongType, wrongEnum, missingRequired), "broken");
        List<String> errors = texts(report.path("errors"));
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("instances") && errors.get(1).contains("primaryUpdateStrategy")
                && errors.get(2).contains("schedule"), errors.toString());
    }

    private static JsonNode validate(List<ObjectNode> resources, String name) throws Exception {
        Path input = WORK.resolve(name + ".json");
        JSON.writeValue(input.toFile(), resources);
        Result result = run(List.of("node", WORK.resolve("validate.mjs").toString(), input.toString()), 120);
        String[] lines = result.output().strip().split("\n");
        assertTrue(result.exitCode() == 0 || result.exitCode() == 1, "validator failed to run: " + result.output());
        return JSON.readTree(lines[lines.length - 1]);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, int timeoutSeconds) throws Exception {
        // The output goes to a file, not a pipe read here: reading a pipe would block on a hung process and
        // the timeout would never be reached.
        Path log = Files.createTempFile("operator-types", ".log");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException notInstalled) {
                return new Result(-1, notInstalled.getMessage());
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
