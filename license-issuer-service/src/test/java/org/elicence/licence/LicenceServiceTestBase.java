package org.elicence.licence;

import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.infra.KafkaTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The broker client and store helpers every license-issuer-service test class uses. */
abstract class LicenceServiceTestBase {

    static KafkaTestClient kafka;

    @Inject
    EntityManager entityManager;

    LicenceTestSupport support;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @BeforeEach
    void support() {
        support = new LicenceTestSupport(kafka, entityManager);
    }
}
