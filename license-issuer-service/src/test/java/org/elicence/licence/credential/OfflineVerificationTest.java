package org.elicence.licence.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.elicence.licence.credential.VerificationResult.Outcome;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relying party (traffic officer, rental desk) holds only what the authority published: the IACA
 * certificate as PEM text. No KeyMaterial, no issuer object, no register.
 */
class OfflineVerificationTest {

    @Test
    void publishedIacaPemAloneVerifiesBothRepresentations(@TempDir Path publishedFiles) throws Exception {
        // Issuer side: issue, then "publish" the IACA PEM and hand the credential to the holder as text.
        KeyMaterial issuerKeys = Fixtures.keys();
        IssuedCredential issued = new CredentialIssuer(issuerKeys, Fixtures.CLOCK).issue(Fixtures.licence());
        Files.writeString(publishedFiles.resolve("iaca.pem"), issuerKeys.iacaCertificatePem());
        Files.writeString(publishedFiles.resolve("mdoc.b64"), issued.mdocBase64Url());
        Files.writeString(publishedFiles.resolve("jws.txt"), issued.jws());
        issuerKeys = null;
        issued = null;

        // Verifier side: only files.
        String iacaPem = Files.readString(publishedFiles.resolve("iaca.pem"));
        assertTrue(iacaPem.startsWith("-----BEGIN CERTIFICATE-----") && !iacaPem.contains("PRIVATE"));
        CredentialVerifier offline = CredentialVerifier.offline(iacaPem, Fixtures.CLOCK);

        VerificationResult mdoc = offline.verify(Files.readString(publishedFiles.resolve("mdoc.b64")));
        VerificationResult qr = offline.verify(Files.readString(publishedFiles.resolve("jws.txt")));

        for (VerificationResult result : new VerificationResult[] {mdoc, qr}) {
            assertEquals(Outcome.VALID, result.outcome(), result.reason());
            assertEquals("STATUS_UNKNOWN", result.reasonCode());
            assertEquals("ZHANG", result.claims().get("family_name"));
        }
        assertEquals(mdoc.claims().get("portrait_sha256"), qr.claims().get("portrait_sha256"),
                "the QR's portrait digest matches the portrait in the mdoc");
    }
}
