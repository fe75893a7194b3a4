package org.elicence.licence.credential.mdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.CredentialIssuer;
import org.elicence.licence.credential.Fixtures;
import org.elicence.licence.credential.IssuedCredential;
import org.elicence.licence.credential.cbor.Cbor;
import org.elicence.licence.credential.cbor.CborTagged;
import org.elicence.licence.credential.keys.KeyHierarchyGenerator;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.licence.holder.DeviceResponses;
import org.elicence.licence.interop.InteropNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Interoperability with a verifier this project did not write: the npm package {@code @auth0/mdl} (run with node,
 * see {@link InteropNode}) verifies the issuer's signature, every digest and the certificate chain up to the IACA it
 * is given as trust anchor, and the holder's device signature over the SessionTranscript, in DeviceResponses the
 * project's holder library builds from credentials the issuer issues. The tampered variants must fail the very check
 * their tampering breaks. Issued with the real clock: the library checks validity against its own "now".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Auth0MdlInteropTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyMaterial keys = Fixtures.keys(Clock.offset(Clock.systemUTC(), Duration.ofDays(-7)),
            KeyHierarchyGenerator.DEFAULT_DOCUMENT_SIGNER_VALIDITY);
    private final KeyPair device = KeyHierarchyGenerator.newP256KeyPair();
    private final IssuedCredential issued = new CredentialIssuer(keys, Clock.systemUTC())
            .issue(Fixtures.licenceCurrentToday(), device.getPublic(), Fixtures.STATUS);
    private final byte[] issuerSigned = Base64.getUrlDecoder().decode(issued.issuerSignedBase64Url());
    private final byte[] transcript = DeviceResponses.onlineSessionTranscript("interop-nonce-1");
    private JsonNode results;

    @BeforeAll
    void verifyAllCasesWithAuth0Mdl() throws IOException {
        KeyMaterial otherIssuer = Fixtures.keys(Clock.offset(Clock.systemUTC(), Duration.ofDays(-7)),
                KeyHierarchyGenerator.DEFAULT_DOCUMENT_SIGNER_VALIDITY);
        KeyPair thief = KeyHierarchyGenerator.newP256KeyPair();
        List<Map<String, Object>> cases = new ArrayList<>();
        cases.add(presented("presented", DeviceResponses.signed(issuerSigned, device.getPrivate(), transcript)));
        cases.add(presented("issuerDocument", DeviceResponses.signed(issued.mdoc(), device.getPrivate(), transcript)));
        cases.add(presented("issuerSignedOnly", DeviceResponses.withoutDeviceSignature(issuerSigned)));
        cases.add(presented("alteredValue", DeviceResponses.signed(
                replaceFirst(issuerSigned, Cbor.encode("ZHANG"), Cbor.encode("ZHANX")), device.getPrivate(), transcript)));
        cases.add(presented("alteredIssuerSignature", DeviceResponses.signed(
                flipLastByte(issuerSigned, issuerAuth(issuerSigned).get(3)), device.getPrivate(), transcript)));
        Map<String, Object> otherAnchor = presented("otherTrustAnchor",
                DeviceResponses.signed(issuerSigned, device.getPrivate(), transcript));
        otherAnchor.put("trustedIacaPem", List.of(otherIssuer.iacaCertificatePem()));
        cases.add(otherAnchor);
        cases.add(presented("otherDeviceKey", DeviceResponses.signed(issuerSigned, thief.getPrivate(), transcript)));
        Map<String, Object> otherSession = presented("otherSession",
                DeviceResponses.signed(issuerSigned, device.getPrivate(), transcript));
        otherSession.put("sessionTranscript",
                sessionTranscriptBytes(DeviceResponses.onlineSessionTranscript("interop-nonce-2")));
        cases.add(otherSession);

        Path input = Files.createDirectories(Path.of("target", "interop")).resolve("mdl-cases.json");
        Files.writeString(input, JSON.writeValueAsString(
                Map.of("trustedIacaPem", List.of(keys.iacaCertificatePem()), "cases", cases)), StandardCharsets.UTF_8);
        results = JSON.readTree(InteropNode.run("mdl-verify.mjs", input.toAbsolutePath().toString()));
    }

    @Test
    void aDeviceResponseFromTheHolderLibraryPassesEveryCheck() {
        assertPassed("presented");
        assertEquals("org.iso.18013.5.1.mDL", results.get("presented").get("docType").asText());
        assertEquals("ZHANG", results.get("presented").get("familyName").asText());
        assertPassed("issuerDocument");
    }

    @Test
    void theIssuedCredentialAloneIsIssuerAuthenticatedButNotDeviceAuthenticated() {
        assertEquals(List.of("DOCUMENT_DEVICE_SIGNATURE_PRESENCE"), failed("issuerSignedOnly"));
    }

    @Test
    void anAlteredElementValueFailsItsDigest() {
        assertEquals(List.of("ATTRIBUTE_DIGEST_MATCH"), failed("alteredValue"));
    }

    @Test
    void anAlteredIssuerSignatureIsRejected() {
        assertEquals(List.of("ISSUER_SIGNATURE_VALIDITY"), failed("alteredIssuerSignature"));
    }

    @Test
    void anotherIssuersTrustAnchorDoesNotValidateTheChain() {
        assertEquals(List.of("ISSUER_CERTIFICATE_VALIDITY"), failed("otherTrustAnchor"));
    }

    @Test
    void aDeviceSignatureByAnotherKeyOrForAnotherSessionIsRejected() {
        assertEquals(List.of("DEVICE_SIGNATURE_VALIDITY"), failed("otherDeviceKey"));
        assertEquals(List.of("DEVICE_SIGNATURE_VALIDITY"), failed("otherSession"));
    }

    private void assertPassed(String name) {
        assertEquals(List.of(), failed(name));
    }

    private List<String> failed(String name) {
        JsonNode result = results.get(name);
        assertNull(result.get("error"), () -> name + ": " + result);
        List<String> failed = new ArrayList<>();
        result.get("failed").forEach(id -> failed.add(id.asText()));
        return failed.stream().distinct().toList();
    }

    private Map<String, Object> presented(String name, byte[] deviceResponse) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("deviceResponse", b64(deviceResponse));
        c.put("sessionTranscript", sessionTranscriptBytes(transcript));
        return c;
    }

    /** The library takes SessionTranscriptBytes, {@code #6.24(bstr .cbor SessionTranscript)}, as OpenID4VP hands it. */
    private static String sessionTranscriptBytes(byte[] sessionTranscript) {
        return b64(Cbor.encode(CborTagged.embedded(sessionTranscript)));
    }

    private static List<?> issuerAuth(byte[] issuerSigned) {
        Object issuerAuth = ((Map<?, ?>) Cbor.decode(issuerSigned)).get("issuerAuth");
        return (List<?>) (issuerAuth instanceof CborTagged tagged ? tagged.value() : issuerAuth);
    }

    private static byte[] flipLastByte(byte[] in, Object part) {
        byte[] bytes = (byte[]) part;
        int at = indexOf(in, bytes);
        byte[] out = in.clone();
        out[at + bytes.length - 1] ^= 0x01;
        return out;
    }

    private static byte[] replaceFirst(byte[] in, byte[] what, byte[] with) {
        int at = indexOf(in, what);
        byte[] out = in.clone();
        System.arraycopy(with, 0, out, at, with.length);
        return out;
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found in the credential");
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
