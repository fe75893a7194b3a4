package org.elicence.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.elicence.infra.KafkaCredentials;
import org.elicence.infra.PostgresDatabases;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The platform as {@code deploy/run-local.sh} starts it, on ports and databases of its own so it
 * never meets a developer's running system. A JUnit extension: a test class registers it
 * ({@code @RegisterExtension}) and gets a fresh platform before its tests and none after.
 */
final class LocalPlatform implements BeforeAllCallback, AfterAllCallback {

    static final int HTTP_PORT_BASE = 18080;
    static final int KAFKA_PORT = 19092;
    /** Each service's health and metrics (Quarkus' management interface) are on its API's port + 100 (run-local.sh). */
    static final int MANAGEMENT_OFFSET = 100;
    static final String DB_SUFFIX = "_e2e";
    static final List<String> DATABASES = List.of("application", "photo_audit", "idcard", "license_issuer");

    final Path root = Path.of(System.getProperty("elicence.root", "../..")).toAbsolutePath().normalize();
    final Path state = root.resolve("deploy/system-tests/target/e2e-state");
    private final Map<String, String> serviceSettings;
    private MachineLock machineLock;

    LocalPlatform() {
        this(Map.of());
    }

    /** The setting that lets one citizen have any number of applications in progress (3 otherwise). */
    private static final Map.Entry<String, String> ANY_NUMBER_OF_APPLICATIONS =
            Map.entry("APPLICATIONS_MAX_OPEN_PER_APPLICANT", "1000000");
    /** And open any number of them in a day (10 otherwise). */
    private static final Map.Entry<String, String> ANY_NUMBER_OF_OPENINGS =
            Map.entry("APPLICATIONS_MAX_OPENINGS_PER_DAY", "1000000");

    /** And send any number of bodies at once (one account's bodies still arriving hold 10 MiB at most otherwise). */
    private static final Map.Entry<String, String> ANY_NUMBER_OF_UPLOADS_AT_ONCE =
            Map.entry("APPLICATIONS_UPLOADS_TRANSFER_PER_APPLICANT", "1073741824");
    /** However many they are (4 of one account's at once otherwise). */
    private static final Map.Entry<String, String> ANY_NUMBER_OF_BODIES_AT_ONCE =
            Map.entry("APPLICATIONS_UPLOADS_BODIES_PER_APPLICANT", "1000000");

    /**
     * For runs where a few seeded citizens stand in for many applicants: each of them opens more applications and
     * uploads far more often and more at once than one person could, and the per-applicant limits (3 applications in
     * progress, 10 opened a day, 20 uploads a minute, 10 MiB and 4 bodies arriving) would refuse the run itself.
     */
    static LocalPlatform withoutPerApplicantLimits() {
        return new LocalPlatform(Map.ofEntries(ANY_NUMBER_OF_APPLICATIONS, ANY_NUMBER_OF_OPENINGS,
                ANY_NUMBER_OF_UPLOADS_AT_ONCE, ANY_NUMBER_OF_BODIES_AT_ONCE,
                Map.entry("APPLICATIONS_UPLOADS_PER_APPLICANT_LIMIT", "1000000")));
    }

    /**
     * For runs that open many applications for a few seeded citizens and upload to them at once (a citizen standing in
     * for 16 applicants), with the upload rate limit as it is.
     */
    static LocalPlatform withManyApplicationsPerCitizen() {
        return new LocalPlatform(Map.ofEntries(ANY_NUMBER_OF_APPLICATIONS, ANY_NUMBER_OF_OPENINGS,
                ANY_NUMBER_OF_UPLOADS_AT_ONCE, ANY_NUMBER_OF_BODIES_AT_ONCE));
    }

    /** With settings (environment variables, i.e. configuration) for every service it starts. */
    LocalPlatform(Map<String, String> serviceSettings) {
        this.serviceSettings = Map.copyOf(serviceSettings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    /**
     * Narayana's warning when a transaction is committed while another thread is inside it. The outbox relay's
     * transaction, carried onto the Kafka producer's thread, failed relay passes this way (14 in a CI-size
     * LoadBenchmarkIT, each re-sending a batch the broker had taken) before {@code OutboxRelay.send} suspended it:
     * every test class's platform is checked for it when it stops, whatever the test drove.
     */
    static final String TRANSACTION_SHARED_BY_THREADS = "ARJUNA012094";

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        if (!foundInLogs(List.of(TRANSACTION_SHARED_BY_THREADS)).isEmpty()) {
            throw new AssertionError("a transaction was committed with a second thread inside it ("
                    + TRANSACTION_SHARED_BY_THREADS + " in a service's log under deploy/system-tests/target/e2e-state/logs)");
        }
    }

    void start() throws IOException, InterruptedException {
        machineLock = MachineLock.acquire();
        DATABASES.forEach(db -> PostgresDatabases.recreate(db + DB_SUFFIX));
        deleteRecursively(state.resolve("kafka-data"));
        run(600, "deploy/run-local.sh", "start");
        KafkaCredentials.register(kafkaBootstrap(), state.resolve("kafka-credentials"));
    }

    /** The kcat settings of {@code principal} that run-local.sh's broker wrote (the runbook's KAFKA_CONFIG). */
    Path kafkaConfig(String principal) {
        return KafkaCredentials.kcatConfig(kafkaBootstrap(), principal);
    }

    void stop() throws IOException, InterruptedException {
        try {
            run(120, "deploy/run-local.sh", "stop");
        } finally {
            if (machineLock != null) {
                machineLock.close();
                machineLock = null;
            }
        }
    }

    /** SIGKILL, as a crashed JVM or an OOM-killed pod dies: no shutdown hook, no graceful close. */
    void kill9(String instance) throws Exception {
        Path pidFile = state.resolve("pids").resolve(instance + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            process.get().destroyForcibly();
            process.get().onExit().get(30, TimeUnit.SECONDS);
        }
        Files.delete(pidFile);
    }

    /** Starts the broker or a service again, or (with a port) a further instance of a service. */
    void startOne(String name, String... port) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("deploy/run-local.sh", "start-one", name));
        command.addAll(List.of(port));
        run(300, command.toArray(String[]::new));
    }

    java.sql.Connection database(String name) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name + DB_SUFFIX, "postgres", "");
    }

    String kafkaBootstrap() {
        return "localhost:" + KAFKA_PORT;
    }

    String apiBase() {
        return "http://localhost:" + HTTP_PORT_BASE;
    }

    /** application-service's management interface: /q/health and /q/metrics. */
    String managementBase() {
        return "http://localhost:" + (HTTP_PORT_BASE + MANAGEMENT_OFFSET);
    }

    String licenceIssuerBase() {
        return "http://localhost:" + (HTTP_PORT_BASE + 3);
    }

    /** A token minted with the project's own tool, as the README shows. */
    String tokenFor(String residentId) throws IOException, InterruptedException {
        return run(60, "deploy/mint-token.sh", residentId).strip();
    }

    /** An operator's token minted with the project's own tool (deploy/mint-token.sh --operator), for /internal. */
    String operatorToken(String operatorId) throws IOException, InterruptedException {
        return run(60, "deploy/mint-token.sh", "--operator", operatorId).strip();
    }

    /** A token from the project's tool with the given validity (negative: already expired). */
    String tokenFor(String residentId, int validitySeconds) throws IOException, InterruptedException {
        return run(60, "deploy/mint-token.sh", residentId, Integer.toString(validitySeconds)).strip();
    }

    /** A token signed with the platform's key whose issued-at lies {@code issuedAtOffsetSeconds} ahead. */
    String tokenIssuedIn(String residentId, int issuedAtOffsetSeconds) throws IOException, InterruptedException {
        return run(60, "deploy/mint-token.sh", residentId, Integer.toString(issuedAtOffsetSeconds + 3600),
                Integer.toString(issuedAtOffsetSeconds)).strip();
    }

    /** A well-formed token signed with a key the service has never seen. */
    String tokenSignedWithAnotherKey(String residentId) throws IOException, InterruptedException {
        Path key = Files.createTempFile("forger", ".pem");
        run(60, "openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key.toString());
        try {
            return run(60, "java", "deploy/tools/MintDevToken.java", key.toString(), residentId, "3600").strip();
        } finally {
            Files.delete(key);
        }
    }

    /**
     * Which of {@code texts} a line of the services' or the broker's logs holds. The logs are read line by line, not
     * whole: a full-size LoadBenchmarkIT leaves hundreds of megabytes of them. A byte that is not UTF-8 is read as a
     * replacement character, so a stray one cannot hide the rest of its file.
     */
    Set<String> foundInLogs(Collection<String> texts) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        Path logs = state.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return found;
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
                    String line;
                    while (found.size() < texts.size() && (line = lines.readLine()) != null) {
                        for (String text : texts) {
                            if (line.contains(text)) {
                                found.add(text);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private String run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(false);
        Map<String, String> env = new HashMap<>(builder.environment());
        // the committed test cards print validities that end from 2028: photo-audit-service reads them as on this day
        env.put("CARD_READING_CHECKS_REFERENCE_DATE", "2026-06-01");
        env.putAll(serviceSettings);
        env.put("ELICENCE_SKIP_BUILD", "1");
        env.put("ELICENCE_HTTP_PORT_BASE", Integer.toString(HTTP_PORT_BASE));
        env.put("ELICENCE_KAFKA_PORT", Integer.toString(KAFKA_PORT));
        env.put("ELICENCE_DB_SUFFIX", DB_SUFFIX);
        env.put("ELICENCE_STATE_DIR", state.toString());
        builder.environment().putAll(env);
        Path errors = Files.createTempFile("run-local", ".err");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        boolean finished;
        try {
            finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroy();
            throw e;
        }
        if (!finished || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output + "\n"
                    + Files.readString(errors));
        }
        return output;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
