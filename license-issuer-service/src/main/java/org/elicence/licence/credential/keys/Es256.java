package org.elicence.licence.credential.keys;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * ECDSA P-256 with SHA-256 in the fixed-width r||s form (64 bytes) that both COSE (RFC 9053 §2.1) and JWS
 * (RFC 7518 §3.4) require, rather than the DER form Java's plain "SHA256withECDSA" produces.
 */
public final class Es256 {

    public static final String JWS_NAME = "ES256";
    public static final int COSE_ALGORITHM_ID = -7;
    private static final String JCA_ALGORITHM = "SHA256withECDSAinP1363Format";

    private Es256() {
    }

    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(JCA_ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }

    /** False for any signature that does not verify, including wrongly sized or garbage input. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(JCA_ALGORITHM);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
