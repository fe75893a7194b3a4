package org.elicence.infra;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a Quarkus test a real Kafka broker (a fresh KRaft node in its own JVM) and a fresh PostgreSQL
 * database. Use with {@code @WithTestResource(value = LocalInfraTestResource.class, initArgs =
 * @ResourceArg(name = "database", value = "application_test"))}.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;
    private KafkaBrokerProcess broker;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "elicence_test");
    }

    @Override
    public Map<String, String> start() {
        PostgresDatabases.recreate(database);
        broker = KafkaBrokerProcess.start();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", PostgresDatabases.jdbcUrl(database));
        config.put("quarkus.datasource.username", PostgresDatabases.user());
        return config;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
