package org.elicence.licence.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.inbox.PoisonEventException;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Which applicant each application belongs to, as application-service said when it created it (the only
 * principal the broker lets write {@code applications}). An approval (a passing audit, an approved ID card or
 * photo) is acted on only for that pair: one naming another applicant is poison (dead-lettered with the reason,
 * or refused where it was kept) and nothing is issued. An approval that overtakes its application's creation (they
 * travel on different topics) is kept until the creation is read ({@link ApprovalsAwaitingCreation}) and checked
 * then.
 */
@ApplicationScoped
public class KnownApplications {

    private static final Logger LOG = Logger.getLogger(KnownApplications.class);
    private static final String LEARN_SQL = "INSERT INTO known_application (application_id, applicant_id, learned_at) "
            + "VALUES (:id, :applicant, :at) ON CONFLICT DO NOTHING";

    private final EntityManager entityManager;
    private final Clock clock;

    @Inject
    public KnownApplications(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Learns the application's applicant. The same application announced again (another {@code ce_id}) changes
     * nothing; announced in another applicant's name it is a fault or a forgery, and poison.
     *
     * @throws PoisonEventException when the application is known already for another applicant
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void learn(ApplicationCreated created) {
        UUID id = UUID.fromString(created.applicationId());
        int learned = entityManager.createNativeQuery(LEARN_SQL).setParameter("id", id)
                .setParameter("applicant", created.applicantId()).setParameter("at", clock.instant()).executeUpdate();
        if (learned == 0 && !created.applicantId().equals(applicantOf(id))) {
            // No resident ID in the reason: it ends up in a dead-letter header and the logs.
            throw new PoisonEventException("application " + created.applicationId()
                    + " announced again naming another applicant than the first time");
        }
    }

    /** Whether application-service's {@code application.created} of the application has been read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean known(UUID applicationId) {
        return applicantOf(applicationId) != null;
    }

    /**
     * @throws PoisonEventException when the application was created for another applicant
     * @throws IllegalStateException when it is not known: its approvals are kept until it is
     *                               ({@link ApprovalsAwaitingCreation}), so this is a fault
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireApplicant(String applicationId, String applicantId) {
        String known = applicantOf(UUID.fromString(applicationId));
        if (known == null) {
            throw new IllegalStateException("application " + applicationId + " is not known: application-service's "
                    + "application.created has not been read");
        }
        if (!known.equals(applicantId)) {
            // No resident ID in the reason: it ends up in a dead-letter header and the logs.
            LOG.warnf("approval of application %s names another applicant than it was created for; refused", applicationId);
            throw new PoisonEventException("the approval of application " + applicationId + " names another applicant "
                    + "than application-service created the application for");
        }
    }

    /**
     * Holds the application's row until the transaction ends: the handlers of one application's events from
     * different topics (a passing verdict, its acceptance) then run one after the other and each sees what the other
     * committed. The caller checked {@link #requireApplicant} first, so the row exists.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID applicationId) {
        entityManager.createNativeQuery("SELECT application_id FROM known_application WHERE application_id = :id "
                + "FOR UPDATE").setParameter("id", applicationId).getResultList();
    }

    /**
     * application-service withdrew the application (the caller checked the applicant and holds the row's lock): no
     * approval read from now on is issued from. A decision made before stands; the withdrawal is recorded either way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(UUID applicationId) {
        entityManager.createNativeQuery("UPDATE known_application SET withdrawn_at = :at WHERE application_id = :id "
                + "AND withdrawn_at IS NULL").setParameter("at", clock.instant()).setParameter("id", applicationId)
                .executeUpdate();
    }

    /** Whether application-service withdrew the application (read under the row's lock, {@link #lock}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean withdrawn(UUID applicationId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM known_application WHERE application_id = :id "
                + "AND withdrawn_at IS NOT NULL").setParameter("id", applicationId).getResultList().isEmpty();
    }

    /**
     * The portraits of the application's passing photos, kept until its licence is decided or it is withdrawn
     * (docs/privacy.md), are deleted: whichever way it was approved (its own photo, a photo staff reviewed, its ID
     * card) or withdrawn, none will be issued from any more.
     *
     * @return how many were deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetPassedPortraits(UUID applicationId) {
        return entityManager.createNativeQuery("DELETE FROM passed_photo WHERE application_id = :a")
                .setParameter("a", applicationId).executeUpdate();
    }

    private String applicantOf(UUID id) {
        @SuppressWarnings("unchecked")
        List<String> found = entityManager.createNativeQuery(
                "SELECT applicant_id FROM known_application WHERE application_id = :id").setParameter("id", id)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
