package org.elicence.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service's images carry its consumers' settings: no channel may use SmallRye's concurrent per-key mode
 * ({@code throttled.ordered}), and no consumer method may hand records over unordered. In the SmallRye release Quarkus
 * 3.33 ships, that mode loses records across a rebalance (platform-messaging's shared settings, docs/reliability.md
 * "A flake that was lost records"); a setting added back in one service would bring the loss back unnoticed.
 */
class ConsumerOrderTest {

    /** The services run-local.sh runs, so a service added there is checked too. */
    static List<String> services() throws IOException {
        return JvmMemoryTest.array(Files.readString(OverlaysTest.ROOT.resolve("deploy/run-local.sh")), "services");
    }

    @ParameterizedTest
    @MethodSource("services")
    void consumersHandTheirRecordsOverInPartitionOrder(String service) throws IOException {
        Path module = OverlaysTest.ROOT.resolve(service);
        String settings = Files.readString(module.resolve("src/main/resources/application.properties"));
        assertTrue(settings.contains("mp.messaging.incoming."), service + " has consumers to check");
        assertFalse(settings.contains(".throttled.ordered"), service + " sets throttled.ordered");
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            List<Path> unordered = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).replaceAll("\\s", "").contains("@Blocking(ordered=false)")).toList();
            assertTrue(unordered.isEmpty(), "consumers handing records over unordered: " + unordered);
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
