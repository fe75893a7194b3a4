package org.elicence.licence.config;

import java.security.cert.X509Certificate;
import java.util.Optional;

/** Where the latest CRL of each IACA outlives the process that read it ({@link IacaCrl}). */
public interface CrlHighWater {

    /** The DER of the latest CRL recorded for {@code iaca}, as recorded: the reader verifies it. */
    Optional<byte[]> latest(X509Certificate iaca);

    /** Records {@code crl} (DER) for {@code iaca} unless a later one is recorded already. */
    void raise(X509Certificate iaca, byte[] crl);
}
