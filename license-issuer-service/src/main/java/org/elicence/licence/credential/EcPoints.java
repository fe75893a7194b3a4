package org.elicence.licence.credential;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/** Fixed-width P-256 public key coordinates, as COSE_Key (-2/-3) and JWK (x/y) both carry them. */
final class EcPoints {

    private static final int P256_COORDINATE_BYTES = 32;

    private EcPoints() {
    }

    static byte[] x(ECPublicKey key) {
        return fixedWidth(key.getW().getAffineX());
    }

    static byte[] y(ECPublicKey key) {
        return fixedWidth(key.getW().getAffineY());
    }

    static ECPublicKey requireP256(java.security.PublicKey key) {
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            return ec;
        }
        throw new IllegalArgumentException("expected an EC P-256 public key");
    }

    // BigInteger.toByteArray is minimal two's complement: it may drop leading zeros or add a sign byte.
    private static byte[] fixedWidth(BigInteger coordinate) {
        byte[] raw = coordinate.toByteArray();
        if (raw.length == P256_COORDINATE_BYTES) {
            return raw;
        }
        if (raw.length > P256_COORDINATE_BYTES) {
            return Arrays.copyOfRange(raw, raw.length - P256_COORDINATE_BYTES, raw.length);
        }
        byte[] padded = new byte[P256_COORDINATE_BYTES];
        System.arraycopy(raw, 0, padded, P256_COORDINATE_BYTES - raw.length, raw.length);
        return padded;
    }
}
