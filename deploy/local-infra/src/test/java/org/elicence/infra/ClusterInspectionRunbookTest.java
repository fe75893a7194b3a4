package org.elicence.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook's cluster inspection block (runbook:cluster-topic-describe), run verbatim with kcat against the
 * authenticated local broker as kafka-admin, the operators' read-only principal.
 */
class ClusterInspectionRunbookTest {

    private static KafkaBrokerProcess broker;

    @BeforeAll
    static void start() {
        broker = KafkaBrokerProcess.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void kafkaAdminDescribesATopicsPartitions(@TempDir Path workDir) {
        String out = Runbook.run("cluster-topic-describe", Map.of(
                "KAFKA_CONFIG", KafkaCredentials.kcatConfig(broker.bootstrapServers(), "kafka-admin").toString(),
                "TOPIC", "photo-audit-requests"), workDir);
        assertTrue(out.contains("topic \"photo-audit-requests\" with "), out);
        assertTrue(out.contains("partition 0, leader "), out);
        assertTrue(out.contains("isrs: "), out);
        assertTrue(!out.contains("authorization failed"), out);
    }
}
