package org.elicence.licence.config;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.elicence.licence.credential.Encoding;
import org.elicence.licence.credential.keys.Pem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** {@link CrlHighWater} in the service's database (table {@code iaca_crl_high_water}, V16). */
@ApplicationScoped
public class StoredCrlHighWater implements CrlHighWater {

    private final EntityManager entityManager;
    private final Clock clock;

    StoredCrlHighWater(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Override
    public Optional<byte[]> latest(X509Certificate iaca) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("SELECT crl FROM iaca_crl_high_water WHERE iaca_sha256 = ?1")
                    .setParameter(1, sha256(iaca)).getResultList();
            return rows.stream().findFirst().map(byte[].class::cast);
        });
    }

    /**
     * Under the IACA's row lock, so that two replicas that each read a CRL keep the later of the two: the row is
     * made with this CRL if there is none, then replaced if the recorded one came before it, or is no CRL the IACA
     * signed (a row changed by hand: trusted, its number could hold the mark above every real CRL).
     */
    @Override
    public void raise(X509Certificate iaca, byte[] crl) {
        String key = sha256(iaca);
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("INSERT INTO iaca_crl_high_water (iaca_sha256, crl, recorded_at) "
                    + "VALUES (?1, ?2, ?3) ON CONFLICT (iaca_sha256) DO NOTHING")
                    .setParameter(1, key).setParameter(2, crl).setParameter(3, clock.instant()).executeUpdate();
            byte[] recorded = (byte[]) entityManager.createNativeQuery(
                    "SELECT crl FROM iaca_crl_high_water WHERE iaca_sha256 = ?1 FOR UPDATE")
                    .setParameter(1, key).getSingleResult();
            if (!IacaCrl.signedBy(recorded, iaca) || IacaCrl.cameBefore(Pem.crl(recorded), Pem.crl(crl))) {
                entityManager.createNativeQuery("UPDATE iaca_crl_high_water SET crl = ?2, recorded_at = ?3 "
                        + "WHERE iaca_sha256 = ?1")
                        .setParameter(1, key).setParameter(2, crl).setParameter(3, clock.instant()).executeUpdate();
            }
        });
    }

    private static String sha256(X509Certificate certificate) {
        return HexFormat.of().formatHex(Encoding.sha256(Encoding.der(certificate)));
    }
}
