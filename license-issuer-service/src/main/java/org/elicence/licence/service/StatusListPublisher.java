package org.elicence.licence.service;

import java.time.Clock;
import java.util.List;

import org.elicence.licence.config.LicenceConfig;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.licence.credential.status.LicenceStatus;
import org.elicence.licence.credential.status.StatusList;
import org.elicence.licence.credential.status.StatusListToken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The Token Status List of every credential this issuer signed, as a signed JWT, built from the store on each
 * request so it says what the register says at that moment (verifiers then cache it for the configured ttl).
 * Rebuilding reads one small row per credential; past a few million credentials, keep the packed list up to date
 * with each status change instead.
 *
 * <p>Status types (2 bits): ACTIVE is VALID; SUSPENDED is SUSPENDED; REVOKED and SUPERSEDED are INVALID, since
 * neither credential can become valid again (a superseded one's licence lives on in its renewal, which has its
 * own entry). The online verify endpoint still tells the two apart.
 */
@ApplicationScoped
public class StatusListPublisher {

    static final int BITS = 2;

    private final LicenceConfig config;
    private final KeyMaterial keys;
    private final Clock clock;

    @Inject
    public StatusListPublisher(LicenceConfig config, KeyMaterial keys, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public String token() {
        List<Object[]> entries = ELicence.getEntityManager()
                .createQuery("SELECT e.statusIndex, e.status FROM ELicence e", Object[].class)
                .getResultList();
        long highestIndex = entries.stream().mapToLong(entry -> (Long) entry[0]).max().orElse(-1);
        LicenceConfig.StatusList settings = config.statusList();
        StatusList list = StatusList.allValid(BITS, Math.max(settings.minEntries(), highestIndex + 1));
        for (Object[] entry : entries) {
            list.set((Long) entry[0], statusType((LicenceStatus) entry[1]));
        }
        return StatusListToken.sign(list, settings.uri(), clock.instant(), settings.validity(), settings.ttl(), keys);
    }

    static int statusType(LicenceStatus status) {
        return switch (status) {
            case ACTIVE -> StatusList.VALID;
            case SUSPENDED -> StatusList.SUSPENDED;
            case REVOKED, SUPERSEDED -> StatusList.INVALID;
            case UNKNOWN -> throw new IllegalStateException("the store holds no UNKNOWN e-licence");
        };
    }
}
