package org.elicence.licence.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.elicence.licence.credential.VerificationResult.Outcome;
import org.elicence.licence.credential.cbor.Cbor;
import org.elicence.licence.credential.cbor.CborTagged;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.licence.credential.status.LicenceStatus;
import org.junit.jupiter.api.Test;

/** Every part of both representations is protected: altering any of them is caught with a specific reason. */
class TamperingTest {

    private static final int PROTECTED = 0;
    private static final int UNPROTECTED = 1;
    private static final int PAYLOAD = 2;
    private static final int SIGNATURE = 3;

    private final KeyMaterial keys = Fixtures.keys();
    private final IssuedCredential credential = new CredentialIssuer(keys, Fixtures.CLOCK).issue(Fixtures.licence());
    private final CredentialVerifier verifier = Fixtures.verifier(keys, LicenceStatus.ACTIVE);

    @Test
    void alteredElementValueFailsItsDigest() {
        byte[] mdoc = withFirstIsoItem(item -> {
            byte[] bytes = ((byte[]) item.value()).clone();
            bytes[bytes.length - 1] ^= 0x01; // last byte of the elementValue
            return new CborTagged(item.tag(), bytes);
        });
        assertRejected("DIGEST_MISMATCH", verifier.verifyMdoc(mdoc));
    }

    @Test
    void substitutedElementKeepingWellFormedCborFailsItsDigest() {
        byte[] mdoc = withFirstIsoItem(item -> {
            @SuppressWarnings("unchecked")
            Map<Object, Object> signedItem = new LinkedHashMap<>((Map<Object, Object>) Cbor.decodeEmbedded(item));
            signedItem.put("elementValue", "SOMEONE ELSE");
            return Cbor.embed(signedItem);
        });
        assertRejected("DIGEST_MISMATCH", verifier.verifyMdoc(mdoc));
    }

    @Test
    void alteredMsoPayloadBreaksTheSignature() {
        assertRejected("BAD_SIGNATURE", verifier.verifyMdoc(withIssuerAuthPart(PAYLOAD, TamperingTest::flipLastByte)));
    }

    @Test
    void alteredSignatureIsRejected() {
        assertRejected("BAD_SIGNATURE", verifier.verifyMdoc(withIssuerAuthPart(SIGNATURE, TamperingTest::flipLastByte)));
    }

    @Test
    void alteredProtectedHeaderIsRejected() {
        // a1 01 26 is {1: -7}; flipping the last byte turns ES256 into an unregistered algorithm -6.
        assertRejected("UNSUPPORTED_ALGORITHM", verifier.verifyMdoc(withIssuerAuthPart(PROTECTED, TamperingTest::flipLastByte)));
        // {1: -7} with -7 in a longer but equal-valued encoding: same meaning, different signed bytes.
        byte[] sameMeaning = {(byte) 0xa1, 0x01, 0x38, 0x06};
        assertRejected("BAD_SIGNATURE", verifier.verifyMdoc(withIssuerAuthPart(PROTECTED, header -> sameMeaning)));
    }

    @Test
    void alteredCertificateIsNotTrusted() {
        byte[] mdoc = withIssuerAuthPart(UNPROTECTED, header -> {
            Map<Object, Object> unprotected = new LinkedHashMap<>();
            unprotected.put(33, flipLastByte((byte[]) ((Map<?, ?>) header).get("33")));
            return unprotected;
        });
        assertRejected("UNTRUSTED_ISSUER", verifier.verifyMdoc(mdoc));
    }

    @Test
    void mdocWithAnotherDocType() {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = new LinkedHashMap<>((Map<String, Object>) Cbor.decode(credential.mdoc()));
        document.put("docType", "org.iso.23220.photoid.1");
        assertRejected("WRONG_DOCTYPE", verifier.verifyMdoc(Cbor.encode(document)));
    }

    @Test
    void noSingleByteFlipAnywhereInTheMdocYieldsAValidCredential() {
        byte[] mdoc = credential.mdoc();
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < mdoc.length; i++) {
            byte[] tampered = mdoc.clone();
            tampered[i] ^= 0x10;
            if (verifier.verifyMdoc(tampered).outcome() == Outcome.VALID) {
                accepted.add(i);
            }
        }
        assertEquals(List.of(), accepted, "positions whose alteration went unnoticed, of " + mdoc.length);
    }

    @Test
    void alteredJwsPartsAreRejected() throws Exception {
        String[] parts = credential.jws().split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);

        String otherName = claims.replace("\"ZHANG\"", "\"ZHANF\"");
        assertRejected("BAD_SIGNATURE", verifier.verifyJws(parts[0] + "." + encode(otherName) + "." + parts[2]));
        assertRejected("BAD_SIGNATURE", verifier.verifyJws(parts[0] + "." + parts[1] + "." + flipLastChar(parts[2])));
        String none = header.replace("\"ES256\"", "\"none\"");
        assertRejected("UNSUPPORTED_ALGORITHM", verifier.verifyJws(encode(none) + "." + parts[1] + "." + parts[2]));
        String certificate = Base64.getEncoder().encodeToString(keys.documentSignerCertificate().getEncoded());
        String alteredCertificate = Base64.getEncoder().encodeToString(flipLastByte(keys.documentSignerCertificate().getEncoded()));
        String withAlteredCertificate = header.replace(certificate, alteredCertificate);
        assertNotEquals(header, withAlteredCertificate);
        assertRejected("UNTRUSTED_ISSUER", verifier.verifyJws(encode(withAlteredCertificate) + "." + parts[1] + "." + parts[2]));
        assertRejected("MALFORMED", verifier.verifyJws(parts[0] + "." + parts[1]));
    }

    private static void assertRejected(String reasonCode, VerificationResult result) {
        assertEquals(reasonCode, result.reasonCode(), result.reason());
        assertNotEquals(Outcome.VALID, result.outcome());
        assertEquals(Map.of(), result.claims(), "no claims from an unverified credential");
    }

    private byte[] withFirstIsoItem(UnaryOperator<CborTagged> change) {
        return withIssuerSigned(issuerSigned -> {
            Map<String, Object> nameSpaces = new LinkedHashMap<>(map(issuerSigned.get("nameSpaces")));
            List<Object> items = new ArrayList<>((List<?>) nameSpaces.get("org.iso.18013.5.1"));
            items.set(0, change.apply((CborTagged) items.get(0)));
            nameSpaces.put("org.iso.18013.5.1", items);
            issuerSigned.put("nameSpaces", nameSpaces);
        });
    }

    private byte[] withIssuerAuthPart(int index, UnaryOperator<Object> change) {
        return withIssuerSigned(issuerSigned -> {
            List<Object> issuerAuth = new ArrayList<>((List<?>) issuerSigned.get("issuerAuth"));
            issuerAuth.set(index, change.apply(issuerAuth.get(index)));
            if (issuerAuth.get(UNPROTECTED) instanceof Map<?, ?> decoded && decoded.containsKey("33")) {
                issuerAuth.set(UNPROTECTED, Map.of(33, decoded.get("33"))); // re-encode labels as integers
            }
            issuerSigned.put("issuerAuth", issuerAuth);
        });
    }

    private byte[] withIssuerSigned(java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> document = new LinkedHashMap<>(map(Cbor.decode(credential.mdoc())));
        Map<String, Object> issuerSigned = new LinkedHashMap<>(map(document.get("issuerSigned")));
        change.accept(issuerSigned);
        document.put("issuerSigned", issuerSigned);
        return Cbor.encode(document);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static byte[] flipLastByte(Object bytes) {
        byte[] copy = ((byte[]) bytes).clone();
        copy[copy.length - 1] ^= 0x01;
        return copy;
    }

    private static String flipLastChar(String base64Url) {
        char last = base64Url.charAt(base64Url.length() - 2);
        return base64Url.substring(0, base64Url.length() - 2) + (last == 'A' ? 'B' : 'A') + base64Url.charAt(base64Url.length() - 1);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
