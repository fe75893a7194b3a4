package org.elicence.messaging.events;

import java.time.Instant;

/**
 * The applicant's app registered (or replaced) the device public key of its application: the holder key the licence
 * issuer signs into the mdoc's MSO (deviceKeyInfo), so that only that device can present the licence with ISO
 * 18013-5 device authentication. Published by application-service on {@code applications}.
 *
 * @param deviceKey an RFC 7517 JWK of an EC P-256 public key, checked on the curve by application-service
 */
public record DeviceKeyRegistered(String applicationId, String applicantId, DeviceKey deviceKey,
        Instant registeredAt) implements KeyedByApplication {

    /** JWK members of a P-256 public key: {@code kty} "EC", {@code crv} "P-256", 32-byte {@code x}, {@code y} base64url. */
    public record DeviceKey(String kty, String crv, String x, String y) {
    }

    @Override
    public String toString() {
        return "DeviceKeyRegistered[application=" + applicationId + "]";
    }
}
