package org.elicence.licence.credential.mdoc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.elicence.licence.credential.CredentialIssuer;
import org.elicence.licence.credential.CredentialVerifier;
import org.elicence.licence.credential.Fixtures;
import org.elicence.licence.credential.CredentialRejectedException;
import org.elicence.licence.credential.IssuedCredential;
import org.elicence.licence.credential.ReasonCode;
import org.elicence.licence.credential.VerificationResult;
import org.elicence.licence.credential.cbor.Cbor;
import org.elicence.licence.credential.keys.EcPoints;
import org.elicence.licence.credential.keys.KeyHierarchyGenerator;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.licence.credential.mdoc.DeviceAuthentication.Result;
import org.elicence.licence.credential.VerificationResult.Outcome;
import org.elicence.licence.credential.status.LicenceStatus;
import org.elicence.licence.holder.DeviceResponses;
import org.junit.jupiter.api.Test;

/**
 * Holder binding end to end: a credential issued for the holder's device key, presented as a DeviceResponse that the
 * holder library signs over a SessionTranscript, is device-authenticated by the verifier; a signature by any other
 * key, or for another session, is refused; a presentation without deviceSigned says so.
 */
class DeviceAuthenticationTest {

    private final KeyMaterial keys = Fixtures.keys();
    private final KeyPair device = KeyHierarchyGenerator.newP256KeyPair();
    private final IssuedCredential issued = new CredentialIssuer(keys, Fixtures.CLOCK)
            .issue(Fixtures.licence(), device.getPublic(), Fixtures.STATUS);
    private final CredentialVerifier verifier = Fixtures.verifier(keys, LicenceStatus.ACTIVE);
    private final byte[] transcript = DeviceResponses.onlineSessionTranscript("nonce-4711");

    @Test
    void aDeviceSignatureByTheBoundKeyAuthenticatesTheHolder() {
        byte[] response = DeviceResponses.signed(issuerSigned(), device.getPrivate(), transcript);

        VerificationResult result = verifier.verifyMdoc(response, transcript);

        assertEquals(Outcome.VALID, result.outcome(), result.reason());
        assertEquals(Result.AUTHENTICATED, result.deviceAuthentication());
        assertEquals("ZHANG", result.claims().get("family_name"));
        // the text form /verify takes
        assertEquals(Result.AUTHENTICATED, verifier.verify(b64(response), b64(transcript)).deviceAuthentication());
        // from the issuer's Document as well as from the bare IssuerSigned
        assertEquals(Result.AUTHENTICATED, verifier.verifyMdoc(
                DeviceResponses.signed(issued.mdoc(), device.getPrivate(), transcript), transcript).deviceAuthentication());
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        KeyPair thief = KeyHierarchyGenerator.newP256KeyPair();
        byte[] response = DeviceResponses.signed(issuerSigned(), thief.getPrivate(), transcript);

        VerificationResult result = verifier.verifyMdoc(response, transcript);

        assertEquals(Outcome.INVALID, result.outcome());
        assertEquals("DEVICE_AUTH_FAILED", result.reasonCode());
        assertEquals(Result.FAILED, result.deviceAuthentication());
        assertTrue(result.claims().isEmpty());
    }

    @Test
    void aDeviceResponseReplayedIntoAnotherSessionIsRefused() {
        byte[] response = DeviceResponses.signed(issuerSigned(), device.getPrivate(), transcript);

        VerificationResult result = verifier.verifyMdoc(response, DeviceResponses.onlineSessionTranscript("nonce-4712"));

        assertEquals("DEVICE_AUTH_FAILED", result.reasonCode());
    }

    @Test
    void aCredentialIssuedWithoutTheHoldersKeyCannotBeDeviceAuthenticated() {
        IssuedCredential unbound = new CredentialIssuer(keys, Fixtures.CLOCK).issue(Fixtures.licence(), Fixtures.STATUS);
        byte[] response = DeviceResponses.signed(unbound.mdoc(), device.getPrivate(), transcript);

        assertEquals("DEVICE_AUTH_FAILED", verifier.verifyMdoc(response, transcript).reasonCode());
    }

    @Test
    void aPresentationWithoutDeviceAuthenticationIsReportedAbsent() {
        VerificationResult copy = verifier.verifyMdoc(DeviceResponses.withoutDeviceSignature(issuerSigned()), transcript);
        assertEquals(Outcome.VALID, copy.outcome());
        assertEquals(Result.ABSENT, copy.deviceAuthentication());

        assertEquals(Result.ABSENT, verifier.verifyMdoc(issued.mdoc()).deviceAuthentication());
        assertEquals(Result.ABSENT, verifier.verify(issued.issuerSignedBase64Url()).deviceAuthentication());
        assertEquals(Result.ABSENT, verifier.verifyJws(issued.jws()).deviceAuthentication());
    }

    @Test
    void aDeviceSignatureWithoutTheSessionTranscriptIsNotChecked() {
        byte[] response = DeviceResponses.signed(issuerSigned(), device.getPrivate(), transcript);

        VerificationResult result = verifier.verifyMdoc(response, null);

        assertEquals(Result.NOT_CHECKED, result.deviceAuthentication());
        assertFalse(result.reason().isEmpty());
    }

    @Test
    void aDeviceAuthWithoutSignatureOrMacIsMalformedNotUnchecked() {
        Map<String, Object> empty = Map.of("nameSpaces", Cbor.embed(Map.of()), "deviceAuth", Map.of());
        Map<String, Object> both = Map.of("nameSpaces", Cbor.embed(Map.of()),
                "deviceAuth", Map.of("deviceSignature", new byte[0], "deviceMac", new byte[0]));

        for (Map<String, Object> deviceSigned : List.of(empty, both)) {
            CredentialRejectedException refused = assertThrows(CredentialRejectedException.class,
                    () -> DeviceAuthentication.check(deviceSigned, "org.iso.18013.5.1.mDL", null, transcript));
            assertEquals(ReasonCode.MALFORMED, refused.code());
        }
        Map<String, Object> mac = Map.of("nameSpaces", Cbor.embed(Map.of()),
                "deviceAuth", Map.of("deviceMac", new byte[0]));
        assertEquals(Result.NOT_CHECKED, assertDoesNotThrow(
                () -> DeviceAuthentication.check(mac, "org.iso.18013.5.1.mDL", null, transcript)));
    }

    @Test
    void aTranscriptThatIsNoSessionTranscriptIsMalformed() {
        byte[] response = DeviceResponses.signed(issuerSigned(), device.getPrivate(), transcript);

        assertEquals("MALFORMED", verifier.verifyMdoc(response, new byte[] {0x01}).reasonCode());
        assertEquals("MALFORMED", verifier.verify(b64(response), "***").reasonCode());
    }

    @Test
    void aPointOffTheCurveIsNoDeviceKey() {
        byte[] x = new byte[32];
        byte[] y = new byte[32];
        y[31] = 1;
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> EcPoints.publicKey(x, y));
    }

    private byte[] issuerSigned() {
        return Base64.getUrlDecoder().decode(issued.issuerSignedBase64Url());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
