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
 * docs/licence.md. (The JWS no longer goes into a QR code, so its size no longer decides a QR code's density.)
 */
class DocumentationExampleTest {

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
        assertTrue(Files.size(out.resolve("mdoc.diag")) > 0);
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
