package org.elicence.licence.credential.keys;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/** A key pair with the certificate that binds it; an IACA root or a document signer. */
public record CertifiedKey(X509Certificate certificate, KeyPair keyPair) {

    @Override
    public String toString() {
        return "CertifiedKey[" + certificate.getSubjectX500Principal() + "]";
    }
}
