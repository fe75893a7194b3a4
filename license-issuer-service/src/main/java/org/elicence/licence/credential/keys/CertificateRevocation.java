package org.elicence.licence.credential.keys;

import java.security.cert.X509CRL;
import java.util.List;
import org.elicence.licence.credential.ReasonCode;

/**
 * The IACA certificate revocation lists (ISO 18013-5 Annex B) a verifier consults: a document signer certificate
 * listed in the CRL its IACA signed is refused ({@link ReasonCode#CERTIFICATE_REVOKED}). CRLs not signed by a
 * trusted root are ignored, so a source needs no trust of its own.
 */
@FunctionalInterface
public interface CertificateRevocation {

    List<X509CRL> crls();

    /** No CRLs: the offline verifier unless it was given some. */
    static CertificateRevocation none() {
        return List::of;
    }

    static CertificateRevocation of(List<X509CRL> crls) {
        List<X509CRL> copy = List.copyOf(crls);
        return () -> copy;
    }
}
