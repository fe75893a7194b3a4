package org.elicence.licence.credential.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.CredentialIssuer;
import org.elicence.licence.credential.Encoding;
import org.elicence.licence.credential.Fixtures;
import org.elicence.licence.credential.keys.CertificateRevocation;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.junit.jupiter.api.Test;

/** The status list encoding against the draft's own examples, and the signed token a relying party checks. */
class StatusListTokenTest {

    private static final String URI = "https://licences.example.invalid/api/v1/licences/status-list";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private final KeyMaterial keys = Fixtures.keys();

    @Test
    void oneBitEntriesArePackedFromTheLeastSignificantBitAsInTheDraftsExample() {
        int[] statuses = {1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1};
        StatusList list = StatusList.allValid(1, statuses.length);
        for (int i = 0; i < statuses.length; i++) {
            list.set(i, statuses[i]);
        }
        assertArrayEquals(new byte[] {(byte) 0xB9, (byte) 0xA3}, list.bytes());
    }

    @Test
    void twoBitEntriesMatchTheDraftsExampleAndSurviveCompression() {
        int[] statuses = {1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3};
        StatusList list = StatusList.allValid(2, statuses.length);
        for (int i = 0; i < statuses.length; i++) {
            list.set(i, statuses[i]);
        }
        assertArrayEquals(new byte[] {(byte) 0xC9, 0x44, (byte) 0xF9}, list.bytes());

        StatusList decoded = StatusList.decode(2, list.lst());
        for (int i = 0; i < statuses.length; i++) {
            assertEquals(statuses[i], decoded.get(i), "index " + i);
        }
        // ZLIB format (RFC 1950): compression method 8 (DEFLATE) in the low nibble of the first byte.
        assertEquals(8, Base64.getUrlDecoder().decode(list.lst())[0] & 0x0F);
    }

    @Test
    void theSignedTokenCarriesTheListAndVerifiesWithTheIacaRoot() throws Exception {
        StatusList list = StatusList.allValid(2, 1000);
        list.set(7, StatusList.INVALID);
        list.set(8, StatusList.SUSPENDED);
        String token = StatusListToken.sign(list, URI, Fixtures.NOW, Duration.ofDays(1), Duration.ofMinutes(5), keys);

        String[] parts = token.split("\\.");
        Map<String, Object> header = JSON.readValue(Base64.getUrlDecoder().decode(parts[0]), OBJECT);
        Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), OBJECT);
        assertEquals("statuslist+jwt", header.get("typ"));
        assertEquals("ES256", header.get("alg"));
        assertEquals(URI, claims.get("sub"));
        assertEquals(Fixtures.NOW.getEpochSecond(), ((Number) claims.get("iat")).longValue());
        assertEquals(Fixtures.NOW.plus(Duration.ofDays(1)).getEpochSecond(), ((Number) claims.get("exp")).longValue());
        assertEquals(300, ((Number) claims.get("ttl")).intValue());
        assertEquals(2, ((Map<?, ?>) claims.get("status_list")).get("bits"));

        StatusList verified = StatusListToken.verify(token, URI, List.of(keys.iacaCertificate()),
                CertificateRevocation.none(), Fixtures.NOW);
        assertEquals(StatusList.VALID, verified.get(6));
        assertEquals(StatusList.INVALID, verified.get(7));
        assertEquals(StatusList.SUSPENDED, verified.get(8));
        assertTrue(verified.size() >= 1000);
    }

    @Test
    void aRelyingPartyRejectsAForgedStaleOrForeignToken() {
        String token = StatusListToken.sign(StatusList.allValid(2, 16), URI, Fixtures.NOW, Duration.ofHours(1),
                Duration.ofMinutes(5), keys);
        List<java.security.cert.X509Certificate> roots = List.of(keys.iacaCertificate());
        String[] parts = token.split("\\.");
        String otherClaims = Encoding.base64Url("{\"sub\":\"%s\",\"status_list\":{\"bits\":2,\"lst\":\"eNoDAAAAAAE\"}}"
                .formatted(URI).getBytes(StandardCharsets.UTF_8));

        CertificateRevocation noCrl = CertificateRevocation.none();
        assertThrows(IllegalArgumentException.class, () -> StatusListToken.verify(
                parts[0] + "." + otherClaims + "." + parts[2], URI, roots, noCrl, Fixtures.NOW));
        assertThrows(IllegalArgumentException.class,
                () -> StatusListToken.verify(token, URI, roots, noCrl, Fixtures.NOW.plus(Duration.ofHours(2))));
        assertThrows(IllegalArgumentException.class,
                () -> StatusListToken.verify(token, URI + "/other", roots, noCrl, Fixtures.NOW));
        assertThrows(IllegalArgumentException.class, () -> StatusListToken.verify(token, URI,
                List.of(Fixtures.keys().iacaCertificate()), noCrl, Fixtures.NOW));
        // A credential is not a status list, even though both are ES256 JWTs from the same signer.
        String credential = new CredentialIssuer(keys, Fixtures.CLOCK).issue(Fixtures.licence()).jws();
        assertThrows(IllegalArgumentException.class,
                () -> StatusListToken.verify(credential, URI, roots, noCrl, Fixtures.NOW));
    }
}
