package org.elicence.licence.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.elicence.licence.credential.status.LicenceStatus;
import org.elicence.licence.credential.qr.VerificationCodes;
import org.elicence.messaging.persistence.TransactionLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The writes whose order or concurrency matters. The two inserts of an application's decision and e-licence must
 * lose quietly to a concurrent transaction instead of failing it: PostgreSQL's {@code ON CONFLICT DO NOTHING} waits
 * for the other transaction and then inserts nothing, so the caller can read what won; a constraint violation would
 * instead poison the caller's transaction and force a retry. Renewal and status commands instead take the
 * licence's lock ({@link #lockLicence}) and then cannot race.
 */
@ApplicationScoped
public class ELicenceStore {

    private static final String CLAIM_DECISION_SQL = "INSERT INTO licence_decision (application_id, outcome, decided_at) "
            + "VALUES (:applicationId, 'PENDING', :now) ON CONFLICT DO NOTHING";
    // No conflict target: the unique application id and the partial "one live e-licence per licence" index both count.
    private static final String INSERT_E_LICENCE_SQL = "INSERT INTO e_licence (id, licence_number, application_id, "
            + "status, mdoc, jws, issued_at, valid_until, status_changed_at, status_index, verification_code) VALUES (:id, "
            + ":licenceNumber, :applicationId, 'ACTIVE', :mdoc, :jws, :issuedAt, :validUntil, :issuedAt, :statusIndex, "
            + ":verificationCode) ON CONFLICT DO NOTHING";
    private static final String NEXT_STATUS_INDEX_SQL = "SELECT nextval('e_licence_status_index')";
    private static final TransactionLock LICENCE_LOCK = new TransactionLock(0x4c494331); // "LIC1"

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
                .setParameter("verificationCode", VerificationCodes.newCode())
                .executeUpdate();
        return inserted == 1 ? id : null;
    }

    /**
     * Replaces a live e-licence by its renewal ({@code causedBy}: the application it was renewed for, null for an
     * authority's command): the old row becomes SUPERSEDED (with the reason), the new
     * one takes over its status, so renewing a suspended licence does not lift the suspension. The old row's change
     * is flushed first: until it leaves the live statuses the unique index rejects the new row, and Hibernate would
     * otherwise run the insert before the update. The caller holds the licence's lock, so nothing else can make a
     * live e-licence for it meanwhile and a unique violation here would be a bug, not a race.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ELicence replace(ELicence replaced, SignedLicence renewal, UUID causedBy, String reason, Instant now) {
        ELicence renewed = new ELicence();
        renewed.id = UUID.randomUUID();
        renewed.licenceNumber = replaced.licenceNumber;
        renewed.applicationId = causedBy;
        renewed.renews = replaced.id;
        renewed.status = replaced.status;
        renewed.statusReason = replaced.statusReason;
        renewed.statusChangedAt = replaced.statusChangedAt;
        renewed.mdoc = renewal.mdoc();
        renewed.jws = renewal.jws();
        renewed.issuedAt = renewal.issuedAt();
        renewed.validUntil = renewal.validUntil();
        renewed.statusIndex = renewal.statusIndex();
        renewed.verificationCode = VerificationCodes.newCode(); // the old QR answers SUPERSEDED

        replaced.status = LicenceStatus.SUPERSEDED;
        replaced.statusReason = reason;
        replaced.statusChangedAt = now;
        entityManager.flush();
        renewed.persist();
        entityManager.flush();
        return renewed;
    }

    /**
     * Serialises, until this transaction ends, everything that decides about one licence's e-licence: issuance for
     * an application, status commands and renewal. Without it an application could be given the credential a
     * concurrent renewal is replacing, and keep it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockLicence(String licenceNumber) {
        LICENCE_LOCK.hold(entityManager, licenceNumber);
    }

    /** The stored credential (the issuer's Document) an online-verification QR code names, of any status. */
    @Transactional
    public Optional<byte[]> mdocByVerificationCode(String code) {
        return ELicence.findByVerificationCode(code).map(eLicence -> eLicence.mdoc);
    }

    /** A status list index no credential has had; a sequence, so concurrent signings never share one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long nextStatusIndex() {
        return ((Number) entityManager.createNativeQuery(NEXT_STATUS_INDEX_SQL).getSingleResult()).longValue();
    }
}
