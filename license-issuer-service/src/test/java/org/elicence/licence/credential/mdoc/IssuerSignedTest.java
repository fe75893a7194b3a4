package org.elicence.licence.credential.mdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.CredentialIssuer;
import org.elicence.licence.credential.Fixtures;
import org.elicence.licence.credential.IssuedCredential;
import org.elicence.licence.credential.VerificationResult.Outcome;
import org.elicence.licence.credential.VerificationResult;
import org.elicence.licence.credential.cbor.Cbor;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.licence.credential.status.LicenceStatus;
import org.junit.jupiter.api.Test;

/** OpenID4VCI's mso_mdoc is the bare IssuerSigned; it is cut byte for byte out of the stored Document. */
class IssuerSignedTest {

    private final KeyMaterial keys = Fixtures.keys();
    private final IssuedCredential credential = new CredentialIssuer(keys, Fixtures.CLOCK).issue(Fixtures.licence(),
            Fixtures.STATUS);

    @Test
    void theIssuerSignedIsTheDocumentsOwnBytesAndVerifies() {
        byte[] issuerSigned = MdocDocuments.issuerSigned(credential.mdoc());
        String document = HexFormat.of().formatHex(credential.mdoc());
        assertTrue(document.endsWith(HexFormat.of().formatHex(issuerSigned)), "a slice, not a re-encoding");

        Map<?, ?> decoded = (Map<?, ?>) Cbor.decode(issuerSigned);
        assertEquals(List.of("nameSpaces", "issuerAuth"), List.copyOf(decoded.keySet()));
        assertFalse(decoded.containsKey("docType"));
        // The COSE unprotected header keeps its integer label 33 (x5chain): A1 18 21 = {33: ...}.
        assertTrue(HexFormat.of().formatHex(issuerSigned).contains("a11821"));

        String text = credential.issuerSignedBase64Url();
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(issuerSigned), text);
        var verifier = Fixtures.verifier(keys, LicenceStatus.ACTIVE);
        VerificationResult result = verifier.verify(text);
        assertEquals(Outcome.VALID, result.outcome(), result.reason());
        assertEquals(verifier.verifyMdoc(credential.mdoc()).claims(), result.claims());
    }

    @Test
    void onlyADocumentCanBeUnwrapped() {
        byte[] issuerSigned = MdocDocuments.issuerSigned(credential.mdoc());
        assertThrows(IllegalArgumentException.class, () -> MdocDocuments.issuerSigned(issuerSigned));
        assertThrows(RuntimeException.class, () -> MdocDocuments.issuerSigned(Cbor.encode(Map.of("docType", "x"))));
    }
}
