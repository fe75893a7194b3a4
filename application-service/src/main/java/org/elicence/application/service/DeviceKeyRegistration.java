package org.elicence.application.service;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.elicence.application.domain.Application;
import org.elicence.application.domain.ApplicationStatus;
import org.elicence.messaging.events.DeviceKeyRegistered;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The holder's device key of an application: the app's P-256 public key (a JWK), checked to be a point on the curve
 * and handed to the licence issuer as {@code application.device-key-registered}, which binds the mdoc to it
 * (docs/licence.md, "Holder binding"). Nothing is stored here: the issuer keeps the latest key per application.
 */
@ApplicationScoped
public class DeviceKeyRegistration {

    private static final Logger LOG = Logger.getLogger(DeviceKeyRegistration.class);
    private static final int COORDINATE_BYTES = 32;
    private static final ECParameterSpec P256 = p256();

    private final Outbox outbox;

    @Inject
    public DeviceKeyRegistration(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @return the key's RFC 7638 JWK thumbprint (base64url SHA-256), for the app to compare */
    @Transactional
    public String register(UUID applicationId, String applicantId, String kty, String crv, String x, String y) {
        Application application = Application.findOwned(applicationId, applicantId)
                .orElseThrow(ProblemException::notFound);
        if (application.status == ApplicationStatus.WITHDRAWN) {
            throw new ProblemException(ProblemCode.APPLICATION_WITHDRAWN); // nothing will be issued to bind it to
        }
        requireP256(kty, crv, x, y);
        var key = new DeviceKeyRegistered.DeviceKey("EC", "P-256", x, y);
        outbox.publish(application.id.toString(),
                new DeviceKeyRegistered(application.id.toString(), applicantId, key, Instant.now()));
        LOG.infof("application %s: device key registered", application.id);
        return thumbprint(x, y);
    }

    /** Refuses anything but an uncompressed P-256 point on the curve, with problem+json 400 INVALID_DEVICE_KEY. */
    static void requireP256(String kty, String crv, String x, String y) {
        if (!"EC".equals(kty) || !"P-256".equals(crv)) {
            throw invalid("not-p256");
        }
        BigInteger px = coordinate(x, "x");
        BigInteger py = coordinate(y, "y");
        BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
        if (px.compareTo(p) >= 0 || py.compareTo(p) >= 0) {
            throw invalid("outside-field");
        }
        BigInteger rhs = px.pow(3).add(P256.getCurve().getA().multiply(px)).add(P256.getCurve().getB()).mod(p);
        if (!py.modPow(BigInteger.TWO, p).equals(rhs)) {
            throw invalid("not-on-curve");
        }
    }

    private static BigInteger coordinate(String value, String name) {
        byte[] bytes;
        try {
            bytes = value == null || value.contains("=") ? null : Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length != COORDINATE_BYTES) {
            throw invalid("coordinate-length", name);
        }
        return new BigInteger(1, bytes);
    }

    private static String thumbprint(String x, String y) {
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static ProblemException invalid(String variant, Object... args) {
        return ProblemException.variant(ProblemCode.INVALID_DEVICE_KEY, variant, args);
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
}
