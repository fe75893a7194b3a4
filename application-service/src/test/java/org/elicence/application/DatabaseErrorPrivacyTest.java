package org.elicence.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A database error's message, which Hibernate logs and a dead letter's reason carries, names the error and not the
 * row: PostgreSQL's detail of a unique key ("Key (applicant_id, idempotency_key)=(...) already exists") would quote
 * the applicant's resident ID number (docs/privacy.md, "Logs").
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class DatabaseErrorPrivacyTest {

    private static final String RESIDENT_ID = "11010119900307881X";

    @Inject
    EntityManager entityManager;

    @Test
    void aUniqueKeyViolationQuotesNoValueOfTheRow() {
        String key = "privacy-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> insert(first, key));
        try {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> insert(UUID.randomUUID(), key)));
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                messages.append(cause).append('\n');
            }
            assertTrue(messages.toString().contains("application_idempotency"), "the error itself is named: " + messages);
            assertFalse(messages.toString().contains(RESIDENT_ID), messages.toString());
            assertFalse(messages.toString().contains(key), messages.toString());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("DELETE FROM application WHERE idempotency_key = :key")
                    .setParameter("key", key).executeUpdate());
        }
    }

    private void insert(UUID id, String key) {
        entityManager.createNativeQuery("INSERT INTO application (id, applicant_id, full_name, idempotency_key, status,"
                + " next_action, created_at, updated_at) VALUES (:id, :applicant, 'PRIVACY Test', :key, 'CREATED',"
                + " 'WAIT', :now, :now)")
                .setParameter("id", id)
                .setParameter("applicant", RESIDENT_ID)
                .setParameter("key", key)
                .setParameter("now", Instant.now())
                .executeUpdate();
    }
}
