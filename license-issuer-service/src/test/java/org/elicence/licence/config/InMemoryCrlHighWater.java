package org.elicence.licence.config;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.elicence.licence.credential.keys.Pem;

/** {@link CrlHighWater} for the key tests that run without a database; StoredCrlHighWaterTest tests the real one. */
final class InMemoryCrlHighWater implements CrlHighWater {

    private final Map<X509Certificate, byte[]> latest = new HashMap<>();

    @Override
    public synchronized Optional<byte[]> latest(X509Certificate iaca) {
        return Optional.ofNullable(latest.get(iaca));
    }

    @Override
    public synchronized void raise(X509Certificate iaca, byte[] crl) {
        byte[] recorded = latest.get(iaca);
        if (recorded == null || IacaCrl.cameBefore(Pem.crl(recorded), Pem.crl(crl))) {
            latest.put(iaca, crl.clone());
        }
    }
}
