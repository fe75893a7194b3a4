package org.elicence.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.outbox.MessagingRetention;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * platform-messaging's retention, on application-service's real outbox: published rows past the retention go, in
 * batches (more rows than a batch here), and recent ones, or those refused within their own retention, stay.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class MessagingRetentionTest {

    private static final String TOPIC = "retention-test-" + UUID.randomUUID();

    @Inject
    EntityManager entityManager;

    @Inject
    MessagingRetention retention;

    @Test
    void publishedRowsPastTheRetentionGoInBatchesAndTheOthersStay() {
        QuarkusTransaction.requiringNew().run(() -> {
            insert(450, "now() - interval '2 hours'", "NULL"); // more than two batches
            insert(3, "now() - interval '10 minutes'", "NULL");
            insert(2, "NULL", "now() - interval '2 hours'");
        });

        retention.purge();

        assertEquals(3, count("published_at IS NOT NULL"), "published within the retention (1 hour): kept");
        assertEquals(2, count("refused_at IS NOT NULL"), "refused 2 hours ago, within its 30 days: kept");
    }

    /** Rows never sent by the relay: published, or refused (the SQL expressions say when). */
    private void insert(int rows, String publishedAt, String refusedAt) {
        entityManager.createNativeQuery("INSERT INTO outbox_message (event_id, topic, message_key, event_type, "
                + "payload, created_at, published_at, refused_at) SELECT gen_random_uuid(), ?1, 'k', 't', '{}', "
                + "now() - interval '3 hours', " + publishedAt + ", " + refusedAt + " FROM generate_series(1, " + rows
                + ")").setParameter(1, TOPIC).executeUpdate();
    }

    private long count(String condition) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_message WHERE topic = ?1 AND " + condition).setParameter(1, TOPIC)
                .getSingleResult()).longValue());
    }
}
