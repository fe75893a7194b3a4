package org.elicence.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JVM runs with the same memory settings on Kubernetes and in deploy/run-local.sh (where deploy/measure-memory.sh
 * measures them): the collector, the flags, MALLOC_ARENA_MAX, and the container's memory limit, which run-local.sh
 * passes as -XX:MaxRAM. The heap is derived from the limit (MaxRAMPercentage), never a fixed -Xmx.
 */
class JvmMemoryTest {

    static List<String> overlays() throws IOException {
        return OverlaysTest.overlays().toList();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void manifestsAndRunLocalShareTheJvmMemorySettings(String overlay) throws IOException {
        String script = Files.readString(OverlaysTest.ROOT.resolve("deploy/run-local.sh"));
        List<String> services = array(script, "services");
        List<String> limits = array(script, "memory_limit_mib");
        String gc = scalar(script, "jvm_gc");
        String opts = scalar(script, "jvm_opts");
        assertTrue(script.contains("MALLOC_ARENA_MAX=2"), "run-local.sh MALLOC_ARENA_MAX");
        assertTrue(script.contains("$jvm_gc \"-XX:MaxRAM=${memory_limit_mib[$i]}m\" $jvm_opts"), "run-local.sh launches with them");
        assertFalse(opts.contains("-Xmx"), "heap derived from the memory limit, not fixed");
        assertTrue(opts.contains("-XX:MaxRAMPercentage="), "heap derived from the memory limit");
        // Kafka clients move records through heap buffers: without a cap the JDK caches, per thread, a native copy as
        // large as the largest record (10 MB images) for good (docs/deploy.md, "Resources and memory").
        assertTrue(opts.contains("-Djdk.nio.maxCachedBufferSize="), "temporary direct buffers are not cached at any size");

        List<ObjectNode> resources = OverlaysTest.render(overlay);
        for (int i = 0; i < services.size(); i++) {
            String name = services.get(i);
            JsonNode config = OverlaysTest.kind(resources, "ConfigMap").stream()
                    .filter(c -> (name + "-config").equals(c.at("/metadata/name").asText())).findFirst().orElseThrow().path("data");
            assertEquals(gc, config.path("GC_CONTAINER_OPTIONS").asText(), name + " GC_CONTAINER_OPTIONS");
            assertEquals(opts, config.path("JAVA_OPTS_APPEND").asText(), name + " JAVA_OPTS_APPEND");
            assertEquals("2", config.path("MALLOC_ARENA_MAX").asText(), name + " MALLOC_ARENA_MAX");
            Matcher ratio = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(opts);
            assertTrue(ratio.find());
            assertEquals(ratio.group(1), config.path("JAVA_MAX_MEM_RATIO").asText(), name + " JAVA_MAX_MEM_RATIO (run-java.sh)");
            JsonNode container = OverlaysTest.kind(resources, "Deployment").stream()
                    .filter(d -> name.equals(d.at("/metadata/name").asText())).findFirst().orElseThrow()
                    .at("/spec/template/spec/containers/0");
            assertEquals(Long.parseLong(limits.get(i)) << 20, ProductionReadinessTest.memory(container.at("/resources/limits/memory")),
                    name + ": run-local.sh's -XX:MaxRAM is the container's memory limit");
        }
    }

    /** A bash array of run-local.sh, e.g. {@code services}: the services it runs, in order. */
    static List<String> array(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\\(([^)]*)\\)").matcher(script);
        assertTrue(m.find(), "run-local.sh " + name);
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    private static String scalar(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\"([^\"]*)\"").matcher(script);
        assertTrue(m.find(), "run-local.sh " + name);
        return m.group(1);
    }
}
