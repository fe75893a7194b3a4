package org.elicence.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The credentials of the local broker's principals, in a credentials folder written by {@link LocalKafkaBroker},
 * each file readable only by its owner. Per principal:
 * <ul>
 * <li>{@code <principal>.scram}: its SCRAM-SHA-512 password, with which Java clients (the services) log in on
 * the clients' listener ({@link #clientProperties()});</li>
 * <li>{@code <principal>.pem} and {@code <principal>.conf}: its client certificate and a librdkafka
 * configuration for the mutual-TLS listener ({@code kcat -F <principal>.conf}, the runbook's
 * {@code KAFKA_CONFIG}). kcat's librdkafka (2.0 in Debian 12) fails SCRAM against Kafka 4, so operators' tools
 * use TLS client certificates; both log in as the same principal and get the same ACLs.</li>
 * </ul>
 */
public record KafkaCredentials(String principal, String password) {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String PROTOCOL = "SASL_PLAINTEXT";
    /** The broker's own super user: it creates the users and ACLs; tests use it to act as any service. */
    public static final String ADMIN = "admin";
    private static final String REGISTRY_PROPERTY = "elicence.kafka.credentials.";

    /** The SCRAM credentials file of {@code principal} in {@code dir}. */
    public static Path file(Path dir, String principal) {
        return dir.resolve(principal + ".scram");
    }

    public static KafkaCredentials read(Path dir, String principal) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file(dir, principal), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no Kafka credentials for " + principal + " in " + dir, e);
        }
        return new KafkaCredentials(p.getProperty("sasl.username"), p.getProperty("sasl.password"));
    }

    /** The principal's credentials from {@code dir}, created with a fresh random password if there are none. */
    public static KafkaCredentials readOrCreate(Path dir, String principal) {
        if (Files.exists(file(dir, principal))) {
            return read(dir, principal);
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        KafkaCredentials created = new KafkaCredentials(principal, HexFormat.of().formatHex(secret));
        created.write(dir);
        return created;
    }

    private void write(Path dir) {
        String content = "# SCRAM-SHA-512 credentials of " + principal + " on the local broker\n"
                + "sasl.username=" + principal + "\n"
                + "sasl.password=" + password + "\n";
        try {
            Files.createDirectories(dir);
            Path file = file(dir, principal);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JAAS line a Java client (or Quarkus' {@code kafka.sasl.jaas.config}) logs in with. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password + "\";";
    }

    /** security.protocol, sasl.mechanism and sasl.jaas.config for a Java client. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.setProperty("security.protocol", PROTOCOL);
        p.setProperty("sasl.mechanism", MECHANISM);
        p.setProperty("sasl.jaas.config", jaasConfig());
        return p;
    }

    @Override
    public String toString() {
        return "KafkaCredentials[" + principal + "]";
    }

    /** Tells clients in this JVM where the broker at {@code bootstrapServers} keeps its credentials. */
    public static void register(String bootstrapServers, Path dir) {
        System.setProperty(REGISTRY_PROPERTY + bootstrapServers, dir.toAbsolutePath().toString());
    }

    /** The credentials folder of a broker this JVM started or registered. */
    public static Path dirOf(String bootstrapServers) {
        String dir = System.getProperty(REGISTRY_PROPERTY + bootstrapServers);
        if (dir == null) {
            throw new IllegalStateException("no Kafka credentials registered for " + bootstrapServers
                    + " (KafkaCredentials.register)");
        }
        return Path.of(dir);
    }

    /** The credentials of {@code principal} on the broker at {@code bootstrapServers}. */
    public static KafkaCredentials of(String bootstrapServers, String principal) {
        return read(dirOf(bootstrapServers), principal);
    }

    /** The kcat configuration file of {@code principal} (the runbook's {@code KAFKA_CONFIG}). */
    public static Path kcatConfig(String bootstrapServers, String principal) {
        return kcatConfigFile(dirOf(bootstrapServers), principal);
    }

    static Path kcatConfigFile(Path dir, String principal) {
        return dir.resolve(principal + ".conf");
    }

    /** Writes {@code <principal>.conf}: librdkafka settings for the mutual-TLS listener at {@code bootstrap}. */
    static void writeKcatConfig(Path dir, String principal, String bootstrap, Path caCertificate, Path keyAndCertificate) {
        String content = "# Kafka client settings of " + principal + " (kcat -F this-file): mutual TLS\n"
                + "bootstrap.servers=" + bootstrap + "\n"
                + "security.protocol=SSL\n"
                + "ssl.ca.location=" + caCertificate.toAbsolutePath() + "\n"
                + "ssl.certificate.location=" + keyAndCertificate.toAbsolutePath() + "\n"
                + "ssl.key.location=" + keyAndCertificate.toAbsolutePath() + "\n";
        try {
            Files.writeString(kcatConfigFile(dir, principal), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
