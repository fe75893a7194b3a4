package org.elicence.licence.credential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.elicence.licence.credential.cbor.Cbor;
import org.elicence.licence.credential.cbor.CborDiagnostic;
import org.junit.jupiter.api.Test;

/**
 * Writes a decoded example credential to target/credential-example/ — the source of the examples in
 * docs/licence.md — and keeps an eye on the QR payload size, which decides how dense the code is.
 */
class DocumentationExampleTest {

    /**
     * Above this no QR code holds the JWS (version 40-L holds 2,953 bytes). Since the Annex B certificate extensions
     * and the national classes (issue 15) the example no longer fits 40-M (2,331) and QrCodes falls back to L; the
     * short online-verification QR is what replaces this one.
     */
    private static final int QR_CAPACITY_AT_LEVEL_L = 2953;

    @Test
    void writeDecodedExample() throws Exception {
        IssuedCredential issued = new CredentialIssuer(Fixtures.keys(), Fixtures.CLOCK).issue(Fixtures.licence(),
                Fixtures.STATUS);
        Path out = Path.of("target", "credential-example");
        Files.createDirectories(out);

        Object document = Cbor.decode(issued.mdoc());
        List<?> issuerAuth = (List<?>) ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) document).get("issuerSigned")).get("issuerAuth");
        Files.writeString(out.resolve("mdoc.diag"), CborDiagnostic.render(document, "")
                + "\n\n/ issuerAuth protected header: / " + CborDiagnostic.render(Cbor.decode((byte[]) issuerAuth.get(0)), "")
                + "\n/ issuerAuth payload (MSO): / " + CborDiagnostic.render(Cbor.decode((byte[]) issuerAuth.get(2)), "") + "\n");
        String[] jws = issued.jws().split("\\.");
        Files.writeString(out.resolve("jws.txt"), decode(jws[0]) + "\n" + decode(jws[1]) + "\n"
                + "sizes: mdoc " + issued.mdoc().length + " bytes, JWS " + issued.jws().length() + " chars\n");

        assertTrue(issued.qrPayload().length() < QR_CAPACITY_AT_LEVEL_L, "QR payload " + issued.qrPayload().length());
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
