package org.elicence.licence.credential.keys;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/** Fixed-width P-256 public key coordinates, as COSE_Key (-2/-3) and JWK (x/y) both carry them. */
public final class EcPoints {

    private static final ECParameterSpec P256 = p256();

    private static final int P256_COORDINATE_BYTES = 32;

    private EcPoints() {
    }

    public static byte[] x(ECPublicKey key) {
        return fixedWidth(key.getW().getAffineX());
    }

    public static byte[] y(ECPublicKey key) {
        return fixedWidth(key.getW().getAffineY());
    }

    public static ECPublicKey requireP256(java.security.PublicKey key) {
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            return ec;
        }
        throw new IllegalArgumentException("expected an EC P-256 public key");
    }

    /**
     * The P-256 public key at (x, y), each exactly 32 bytes big-endian; refuses a point that is not on the curve
     * (an invalid-curve point would let a forger choose a weak key) or coordinates outside the field.
     */
    public static ECPublicKey publicKey(byte[] x, byte[] y) {
        if (x == null || y == null || x.length != P256_COORDINATE_BYTES || y.length != P256_COORDINATE_BYTES) {
            throw new IllegalArgumentException("P-256 coordinates are 32 bytes each");
        }
        BigInteger px = new BigInteger(1, x);
        BigInteger py = new BigInteger(1, y);
        BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
        if (px.compareTo(p) >= 0 || py.compareTo(p) >= 0) {
            throw new IllegalArgumentException("coordinate outside the P-256 field");
        }
        BigInteger rhs = px.pow(3).add(P256.getCurve().getA().multiply(px)).add(P256.getCurve().getB()).mod(p);
        if (!py.modPow(BigInteger.TWO, p).equals(rhs)) {
            throw new IllegalArgumentException("the point is not on the P-256 curve");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(px, py), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable P-256 public key");
        }
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is not available in this JVM", e);
        }
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
