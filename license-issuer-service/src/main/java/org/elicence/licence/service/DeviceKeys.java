package org.elicence.licence.service;

import java.security.PublicKey;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.elicence.licence.credential.mdoc.DeviceAuthentication;
import org.elicence.messaging.events.DeviceKeyRegistered;
import org.elicence.messaging.inbox.PoisonEventException;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The holder's device key of each application, as application-service published it
 * ({@code application.device-key-registered}): the key the MSO's deviceKeyInfo names when the application's
 * credential is signed, so that only the device holding its private half can present the licence with ISO 18013-5
 * device authentication. Accepted only for the applicant the application was created for; the latest wins.
 */
@ApplicationScoped
public class DeviceKeys {

    private static final Logger LOG = Logger.getLogger(DeviceKeys.class);
    private static final String UPSERT_SQL = "INSERT INTO device_key (application_id, x, y, registered_at) "
            + "VALUES (:id, :x, :y, :at) ON CONFLICT (application_id) DO UPDATE SET x = EXCLUDED.x, y = EXCLUDED.y, "
            + "registered_at = EXCLUDED.registered_at WHERE device_key.registered_at <= EXCLUDED.registered_at";

    private final EntityManager entityManager;
    private final KnownApplications applications;

    @Inject
    public DeviceKeys(EntityManager entityManager, KnownApplications applications) {
        this.entityManager = entityManager;
        this.applications = applications;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void register(DeviceKeyRegistered registered) {
        applications.requireApplicant(registered.applicationId(), registered.applicantId());
        byte[] x;
        byte[] y;
        try {
            x = Base64.getUrlDecoder().decode(registered.deviceKey().x());
            y = Base64.getUrlDecoder().decode(registered.deviceKey().y());
            DeviceAuthentication.p256(x, y);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("the device key of application " + registered.applicationId()
                    + " is not a P-256 public key: " + e.getMessage());
        }
        entityManager.createNativeQuery(UPSERT_SQL).setParameter("id", UUID.fromString(registered.applicationId()))
                .setParameter("x", x).setParameter("y", y).setParameter("at", registered.registeredAt()).executeUpdate();
        LOG.infof("application %s: device key registered", registered.applicationId());
    }

    /** The most recently registered key among these applications' (the holders of one credential), if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PublicKey> latestOf(Collection<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT x, y, registered_at FROM device_key "
                + "WHERE application_id IN (:ids) ORDER BY registered_at DESC LIMIT 1")
                .setParameter("ids", applicationIds).getResultList();
        return rows.stream().findFirst().map(row -> DeviceAuthentication.p256((byte[]) row[0], (byte[]) row[1]));
    }
}
