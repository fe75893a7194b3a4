package org.elicence.licence.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The statements the entities cannot express. The two inserts must lose quietly to a concurrent transaction instead of failing it. PostgreSQL's
 * {@code ON CONFLICT DO NOTHING} waits for the other transaction and then inserts nothing, so the caller can
 * read what won; a constraint violation would instead poison the caller's transaction and force a retry.
 */
@ApplicationScoped
public class ELicenceStore {

    private static final String CLAIM_DECISION_SQL = "INSERT INTO licence_decision (application_id, outcome, decided_at) "
            + "VALUES (:applicationId, 'PENDING', :now) ON CONFLICT DO NOTHING";
    // No conflict target: the unique application id and the partial "one live e-licence per licence" index both count.
    private static final String INSERT_E_LICENCE_SQL = "INSERT INTO e_licence (id, licence_number, application_id, "
            + "status, mdoc, jws, issued_at, valid_until, status_changed_at, status_index) VALUES (:id, :licenceNumber, "
            + ":applicationId, 'ACTIVE', :mdoc, :jws, :issuedAt, :validUntil, :issuedAt, :statusIndex) ON CONFLICT DO NOTHING";
    private static final String NEXT_STATUS_INDEX_SQL = "SELECT nextval('e_licence_status_index')";

    private final EntityManager entityManager;

    @Inject
    public ELicenceStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true if this transaction now owns the application's decision, false if it was already taken. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claimDecision(UUID applicationId, Instant now) {
        return entityManager.createNativeQuery(CLAIM_DECISION_SQL)
                .setParameter("applicationId", applicationId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * Inserts an ACTIVE e-licence unless the licence already has a live one or the application already has one.
     *
     * @return the new e-licence's id, or null if another transaction's e-licence won
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID insertActiveUnlessLive(String licenceNumber, UUID applicationId, SignedLicence signed) {
        UUID id = UUID.randomUUID();
        int inserted = entityManager.createNativeQuery(INSERT_E_LICENCE_SQL)
                .setParameter("id", id)
                .setParameter("licenceNumber", licenceNumber)
                .setParameter("applicationId", applicationId)
                .setParameter("mdoc", signed.mdoc())
                .setParameter("jws", signed.jws())
                .setParameter("issuedAt", signed.issuedAt())
                .setParameter("validUntil", signed.validUntil())
                .setParameter("statusIndex", signed.statusIndex())
                .executeUpdate();
        return inserted == 1 ? id : null;
    }

    /** A status list index no credential has had; a sequence, so concurrent signings never share one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long nextStatusIndex() {
        return ((Number) entityManager.createNativeQuery(NEXT_STATUS_INDEX_SQL).getSingleResult()).longValue();
    }
}
