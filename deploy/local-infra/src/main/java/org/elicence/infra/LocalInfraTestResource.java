package org.elicence.infra;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a Quarkus test a real Kafka broker (a fresh KRaft node in its own JVM, with authentication and the
 * ACLs of {@code deploy/kafka-access.conf}) and a fresh PostgreSQL database of this run's own (dropped afterwards). Use with
 * {@code @WithTestResource(value = LocalInfraTestResource.class, initArgs =
 * @ResourceArg(name = "database", value = "application_test"))}.
 *
 * <p>The service under test logs in to the broker as its own principal, exactly as deployed: init argument
 * {@code principal}, or else the service whose database the test's database name starts with
 * ({@code application_review_test}: application-service). Tests act as the other services and as operators
 * with {@link KafkaTestClient} and {@link KafkaCredentials}.
 *
 * <p>With init argument {@code database-link} {@code true} the service reaches PostgreSQL through a
 * {@link DatabaseLink} the test can cut and restore ({@code DatabaseLink.command}, its control port in the config
 * property {@value #DATABASE_LINK_CONTROL_PORT}).
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> SERVICE_OF_DATABASE = Map.of(
            "application", "application-service",
            "photo_audit", "photo-audit-service",
            "idcard", "idcard-service",
            "license_issuer", "license-issuer-service");

    /** The config property holding the control port of the test's {@link DatabaseLink}, when it has one. */
    public static final String DATABASE_LINK_CONTROL_PORT = "test.database-link.control-port";

    private String database;
    private String runDatabase;
    private boolean throughLink;
    private DatabaseLink databaseLink;
    private String principal;
    private KafkaBrokerProcess broker;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "elicence_test");
        principal = initArgs.getOrDefault("principal", serviceOf(database));
        throughLink = Boolean.parseBoolean(initArgs.getOrDefault("database-link", "false"));
    }

    static String serviceOf(String database) {
        return SERVICE_OF_DATABASE.entrySet().stream()
                .filter(entry -> database.startsWith(entry.getKey() + "_"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("which service's principal should database "
                        + database + " log in as? give init argument 'principal'"));
    }

    @Override
    public Map<String, String> start() {
        runDatabase = PostgresDatabases.recreateForThisRun(database);
        broker = KafkaBrokerProcess.start();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("kafka.sasl.jaas.config", broker.credentials(principal).jaasConfig());
        // Operators' commands are obeyed only if signed with a certificate of the broker's CA.
        config.put("messaging.operators.trust", broker.credentialsDir().resolve(KafkaCertificates.CA_CERT).toString());
        config.put("quarkus.datasource.jdbc.url", PostgresDatabases.jdbcUrl(runDatabase));
        if (throughLink) {
            databaseLink = DatabaseLink.start(PostgresDatabases.host(), PostgresDatabases.port());
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + databaseLink.port() + "/"
                    + runDatabase);
            config.put(DATABASE_LINK_CONTROL_PORT, Integer.toString(databaseLink.controlPort()));
        }
        config.put("quarkus.datasource.username", PostgresDatabases.user());
        return config;
    }

    @Override
    public void stop() {
        if (databaseLink != null) {
            databaseLink.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (runDatabase != null) {
            PostgresDatabases.drop(runDatabase);
        }
    }
}
