package org.elicence.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import kafka.tools.StorageTool;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), built only
 * from Maven Central artifacts. It formats its storage on first start, creates the platform's topics
 * from {@code topics.conf}, the users and ACLs of {@code kafka-access.conf} (each principal's password in
 * {@code --credentials-dir}, see {@link KafkaCredentials}), and prints {@value #READY_MARKER} once clients can use it.
 *
 * <p>Run it in its own JVM (see {@link KafkaBrokerProcess}); {@code kafka.Kafka} owns the process.
 */
public final class LocalKafkaBroker {

    public static final String READY_MARKER = "ELICENCE-KAFKA-READY";

    private LocalKafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(option(args, "--port", "9092"));
        int controllerPort = Integer.parseInt(option(args, "--controller-port", Integer.toString(port + 1)));
        int tlsPort = Integer.parseInt(option(args, "--tls-port", Integer.toString(port + 2)));
        Path dataDir = Path.of(option(args, "--data-dir", "deploy/.local/kafka-data")).toAbsolutePath();
        Path credentialsDir = Path.of(option(args, "--credentials-dir", dataDir.resolve("credentials").toString()))
                .toAbsolutePath();
        Files.createDirectories(dataDir);
        boolean formatted = Files.exists(dataDir.resolve("logs").resolve("meta.properties"));
        if (formatted && !Files.exists(KafkaCredentials.file(credentialsDir, KafkaCredentials.ADMIN))) {
            throw new IllegalStateException("the broker's data in " + dataDir + " was made with an admin credential "
                    + "that is no longer in " + credentialsDir + ": delete the data folder to start afresh");
        }
        KafkaCredentials admin = KafkaCredentials.readOrCreate(credentialsDir, KafkaCredentials.ADMIN);
        KafkaCertificates ca = KafkaCertificates.in(credentialsDir);

        Path config = writeServerConfig(dataDir, new Ports(port, controllerPort, tlsPort), admin, ca);
        if (!formatted) {
            formatStorage(config, admin);
        }

        Thread server = new Thread(() -> kafka.Kafka.main(new String[] {config.toString()}), "kafka-server");
        server.start();

        String bootstrap = "localhost:" + port;
        try (Admin client = adminClient(bootstrap, admin)) {
            createTopics(client, TopicCatalogue.load());
            BrokerAccessControl.apply(client, KafkaAccess.load(), credentialsDir, ca, "localhost:" + tlsPort);
        }
        System.out.println(READY_MARKER + " bootstrap=" + bootstrap + " tls=localhost:" + tlsPort);
        System.out.flush();
        server.join();
    }

    private record Ports(int clients, int controller, int tls) {
    }

    private static Path writeServerConfig(Path dataDir, Ports ports, KafkaCredentials admin, KafkaCertificates ca)
            throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + ports.controller());
        p.setProperty("listeners", "CLIENTS://localhost:" + ports.clients() + ",TLS://localhost:" + ports.tls()
                + ",CONTROLLER://localhost:" + ports.controller());
        p.setProperty("advertised.listeners", "CLIENTS://localhost:" + ports.clients() + ",TLS://localhost:"
                + ports.tls());
        p.setProperty("controller.listener.names", "CONTROLLER");
        authentication(p, admin);
        mutualTls(p, ca);
        p.setProperty("log.dirs", dataDir.resolve("logs").toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // A single-node broker: consumers join at once instead of waiting for more members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Only the topics in topics.conf exist; a misspelt topic name fails instead of appearing.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("message.max.bytes", "16777216");
        p.setProperty("replica.fetch.max.bytes", "16777216");
        Path config = dataDir.resolve("server.properties");
        Files.deleteIfExists(config);
        // It holds the admin's password: readable by its owner only.
        Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(config)) {
            p.store(out, "generated by LocalKafkaBroker");
        }
        return config;
    }

    /**
     * Every client authenticates (SASL SCRAM-SHA-512 on the clients' listener; the broker itself as the admin,
     * with PLAIN on the controller listener, which KRaft requires instead of SCRAM) and every request is
     * authorised by KRaft's StandardAuthorizer against the ACLs of kafka-access.conf; nothing without an ACL.
     */
    private static void authentication(Properties p, KafkaCredentials admin) {
        p.setProperty("listener.security.protocol.map", "CLIENTS:SASL_PLAINTEXT,TLS:SSL,CONTROLLER:SASL_PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "CLIENTS");
        p.setProperty("sasl.mechanism.inter.broker.protocol", KafkaCredentials.MECHANISM);
        p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        p.setProperty("listener.name.clients.sasl.enabled.mechanisms", KafkaCredentials.MECHANISM);
        p.setProperty("listener.name.clients.scram-sha-512.sasl.jaas.config", admin.jaasConfig());
        p.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.setProperty("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin.principal()
                        + "\" password=\"" + admin.password() + "\" user_" + admin.principal() + "=\""
                        + admin.password() + "\";");
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("super.users", "User:" + admin.principal());
        p.setProperty("allow.everyone.if.no.acl.found", "false");
    }

    /** The TLS listener: a client certificate of the local CA is required; {@code CN=x} is {@code User:x}. */
    private static void mutualTls(Properties p, KafkaCertificates ca) {
        p.setProperty("listener.name.tls.ssl.client.auth", "required");
        p.setProperty("listener.name.tls.ssl.keystore.type", "PEM");
        p.setProperty("listener.name.tls.ssl.keystore.location", ca.keyAndCertificate("broker", true).toString());
        p.setProperty("listener.name.tls.ssl.truststore.type", "PEM");
        p.setProperty("listener.name.tls.ssl.truststore.location", ca.caCertificate().toString());
        p.setProperty("listener.name.tls.ssl.principal.mapping.rules", "RULE:^CN=([a-z0-9-]+)$/$1/,DEFAULT");
    }

    /** Formats the storage with the admin's SCRAM credential, so the broker can authenticate it from the start. */
    private static void formatStorage(Path config, KafkaCredentials admin) {
        String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        String scram = KafkaCredentials.MECHANISM + "=[name=" + admin.principal() + ",password=" + admin.password() + "]";
        int exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString(),
                "--ignore-formatted", "--add-scram", scram}, new PrintStream(OutputStream.nullOutputStream()));
        if (exit != 0) {
            throw new IllegalStateException("kafka storage format failed with exit code " + exit);
        }
    }

    private static Admin adminClient(String bootstrap, KafkaCredentials admin) {
        Properties props = admin.clientProperties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(props);
    }

    private static void createTopics(Admin admin, List<TopicCatalogue.TopicSpec> topics) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        {
            while (true) {
                try {
                    Set<String> existing = admin.listTopics().names().get();
                    List<NewTopic> missing = topics.stream()
                            .filter(t -> !existing.contains(t.name()))
                            .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs()))
                            .collect(Collectors.toList());
                    if (!missing.isEmpty()) {
                        admin.createTopics(missing).all().get();
                    }
                    return;
                } catch (Exception notYetReady) {
                    if (Instant.now().isAfter(deadline)) {
                        throw notYetReady;
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private static String option(String[] args, String name, String defaultValue) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return defaultValue;
    }
}
