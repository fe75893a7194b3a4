package org.elicence.licence.credential.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.elicence.licence.credential.CredentialIssuer;
import org.elicence.licence.credential.CredentialVerifier;
import org.elicence.licence.credential.Fixtures;
import org.elicence.licence.credential.IssuedCredential;
import org.elicence.licence.credential.VerificationResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialTest {

    @Test
    void devKeyToolWritesFilesThatLoadAndSign(@TempDir Path directory) throws Exception {
        new DevKeyTool(directory, Fixtures.CLOCK).createHierarchy();
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(directory.resolve(DevKeyTool.DS_KEY)));

        KeyMaterial keys = load(directory);
        IssuedCredential issued = new CredentialIssuer(keys, Fixtures.CLOCK).issue(Fixtures.licence());
        var verifier = CredentialVerifier.offline(Files.readString(directory.resolve(DevKeyTool.IACA_CERT)), Fixtures.CLOCK);
        assertEquals(Outcome.VALID, verifier.verifyMdoc(issued.mdoc()).outcome());
        assertTrue(keys.documentSignerCertificate().getExtendedKeyUsage().contains("1.0.18013.5.1.2"));
        assertFalse(keys.toString().contains("PRIVATE"));
    }

    @Test
    void rotatingTheDocumentSignerKeepsOldCredentialsVerifiable(@TempDir Path directory) throws Exception {
        var tool = new DevKeyTool(directory, Fixtures.CLOCK);
        tool.createHierarchy();
        KeyMaterial before = load(directory);
        IssuedCredential oldCredential = new CredentialIssuer(before, Fixtures.CLOCK).issue(Fixtures.licence());

        tool.rotateDocumentSigner();
        KeyMaterial after = load(directory);

        assertNotEquals(before.documentSignerCertificate(), after.documentSignerCertificate());
        assertEquals(before.iacaCertificate(), after.iacaCertificate());
        var verifier = CredentialVerifier.offline(after.iacaCertificatePem(), Fixtures.CLOCK);
        assertEquals(Outcome.VALID, verifier.verifyMdoc(oldCredential.mdoc()).outcome());
        assertEquals(Outcome.VALID, verifier.verifyJws(new CredentialIssuer(after, Fixtures.CLOCK)
                .issue(Fixtures.licence()).jws()).outcome());
        assertThrows(IllegalStateException.class, tool::createHierarchy, "an existing IACA is never overwritten");
    }

    @Test
    void mismatchedFilesFailAtLoadTime(@TempDir Path first, @TempDir Path second) throws Exception {
        new DevKeyTool(first, Fixtures.CLOCK).createHierarchy();
        new DevKeyTool(second, Fixtures.CLOCK).createHierarchy();
        assertThrows(IllegalArgumentException.class, () -> KeyMaterial.load(first.resolve(DevKeyTool.IACA_CERT),
                second.resolve(DevKeyTool.DS_CERT), second.resolve(DevKeyTool.DS_KEY)));
        assertThrows(IllegalArgumentException.class, () -> KeyMaterial.load(first.resolve(DevKeyTool.IACA_CERT),
                first.resolve(DevKeyTool.DS_CERT), second.resolve(DevKeyTool.DS_KEY)));
    }

    @Test
    void jwksPublishesTheDocumentSignerKeyWithItsThumbprint() throws Exception {
        KeyMaterial keys = KeyMaterial.generateForTests();
        JsonNode key = new ObjectMapper().readTree(keys.jwks()).get("keys").get(0);
        assertEquals("EC", key.get("kty").asText());
        assertEquals("P-256", key.get("crv").asText());
        assertEquals(43, key.get("x").asText().length(), "32-byte coordinate, base64url");
        assertEquals(keys.keyId(), key.get("kid").asText());
        assertEquals(2, key.get("x5c").size());
        assertFalse(keys.jwks().contains("\"d\""), "never the private scalar");

        String[] jws = new CredentialIssuer(keys, java.time.Clock.systemUTC()).issue(Fixtures.licenceCurrentToday()).jws().split("\\.");
        JsonNode header = new ObjectMapper().readTree(java.util.Base64.getUrlDecoder().decode(jws[0]));
        assertEquals(keys.keyId(), header.get("kid").asText());
        assertEquals(List.of(keys.iacaCertificate()), Pem.certificates(keys.iacaCertificatePem()));
    }

    private static KeyMaterial load(Path directory) {
        return KeyMaterial.load(directory.resolve(DevKeyTool.IACA_CERT), directory.resolve(DevKeyTool.DS_CERT),
                directory.resolve(DevKeyTool.DS_KEY));
    }
}
