package org.elicence.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts {@link LocalKafkaBroker} in a child JVM on free ports with a fresh data directory, waits until
 * it is ready, and stops it again. Its principals' credentials are registered for this JVM's test clients
 * ({@link KafkaCredentials#register}). The child's classpath is the one Maven resolved for this module.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "/org/elicence/infra/kafka-broker.classpath";
    private static final long READY_TIMEOUT_SECONDS = 120;

    private final Process process;
    private final Path dataDir;
    private final String bootstrapServers;

    private KafkaBrokerProcess(Process process, Path dataDir, String bootstrapServers) {
        this.process = process;
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaBrokerProcess start() {
        try {
            Path dataDir = Files.createTempDirectory("elicence-kafka-");
            int[] ports = freePorts(3);
            int port = ports[0];
            int controllerPort = ports[1];
            int tlsPort = ports[2];
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx512m");
            command.add("-XX:+UseSerialGC");
            command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
            command.add("-cp");
            command.add(brokerClasspath());
            command.add(LocalKafkaBroker.class.getName());
            command.addAll(List.of("--port", Integer.toString(port), "--controller-port",
                    Integer.toString(controllerPort), "--tls-port", Integer.toString(tlsPort), "--data-dir",
                    dataDir.toString(), "--credentials-dir",
                    dataDir.resolve("credentials").toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            KafkaBrokerProcess broker = new KafkaBrokerProcess(process, dataDir, "localhost:" + port);
            broker.awaitReady();
            KafkaCredentials.register(broker.bootstrapServers(), broker.credentialsDir());
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where the broker wrote each principal's credentials ({@link KafkaCredentials}). */
    public Path credentialsDir() {
        return dataDir.resolve("credentials");
    }

    public KafkaCredentials credentials(String principal) {
        return KafkaCredentials.read(credentialsDir(), principal);
    }

    private void awaitReady() {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuilder recentOutput = new StringBuilder();
        Thread pump = new Thread(() -> pumpOutput(process.getInputStream(), ready, recentOutput), "kafka-broker-output");
        pump.setDaemon(true);
        pump.start();
        try {
            ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Kafka broker did not become ready; its output:\n" + recentOutput, e);
        }
    }

    private static void pumpOutput(InputStream in, CompletableFuture<Void> ready, StringBuilder recentOutput) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(LocalKafkaBroker.READY_MARKER)) {
                    ready.complete(null);
                } else if (!ready.isDone()) {
                    synchronized (recentOutput) {
                        recentOutput.append(line).append('\n');
                    }
                }
            }
        } catch (IOException ignored) {
            // the broker exited; awaitReady reports what it printed
        }
        ready.completeExceptionally(new IllegalStateException("broker process exited"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(dataDir);
    }

    static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBrokerProcess.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + CLASSPATH_RESOURCE + ": build deploy/local-infra with Maven");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return ownLocation() + java.io.File.pathSeparator + dependencies;
        }
    }

    private static String ownLocation() {
        try {
            return Path.of(LocalKafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code count} distinct free ports: the sockets are held open together while the ports are read, since one
     * socket closed before the next opens may be given the same port again (a CI run once got its clients' port as
     * its controller's, and the broker refused to start).
     */
    static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                socket.setReuseAddress(true);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
