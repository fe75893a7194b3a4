package org.elicence.licence.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.VerificationResult.Outcome;
import org.elicence.licence.credential.cbor.Cbor;
import org.elicence.licence.credential.cbor.CborTagged;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.licence.credential.mdoc.MdocPortrait;
import org.elicence.licence.credential.status.CredentialReference;
import org.elicence.licence.credential.status.LicenceStatus;
import org.elicence.licence.credential.status.LicenceStatusLookup;
import org.elicence.licence.credential.status.StatusListReference;
import org.junit.jupiter.api.Test;

class CredentialRoundTripTest {

    private final KeyMaterial keys = Fixtures.keys();
    private final IssuedCredential credential = new CredentialIssuer(keys, Fixtures.CLOCK).issue(Fixtures.licence());
    private final CredentialVerifier verifier = Fixtures.verifier(keys, LicenceStatus.ACTIVE);

    @Test
    void mdocVerifiesAndCarriesTheLicence() {
        VerificationResult result = verifier.verifyMdoc(credential.mdoc());

        assertEquals(Outcome.VALID, result.outcome(), result.reason());
        assertEquals("VALID", result.reasonCode());
        Map<String, Object> claims = result.claims();
        assertEquals(Fixtures.LICENCE_NUMBER, claims.get("document_number"));
        assertEquals("ZHANG", claims.get("family_name"));
        assertEquals("1990-03-07", claims.get("birth_date"));
        assertEquals("CN", claims.get("issuing_country"));
        assertEquals("CHN", claims.get("un_distinguishing_sign"));
        assertEquals(true, claims.get("age_over_18"));
        assertEquals("110101199003074512", claims.get("resident_id_number"));
        assertEquals("2012-05-20", claims.get("first_issue_date"));
        // China's C1 (small car) is ISO B, its national class in codes; China's D (three-wheeled motorcycle) has no
        // ISO category it fully covers, so only the domestic namespace carries it.
        assertEquals(List.of(Map.of("vehicle_category_code", "B", "issue_date", "2012-05-20", "expiry_date", "2032-05-20",
                "codes", List.of(Map.of("code", "CN:C1")))), claims.get("driving_privileges"));
        assertEquals(List.of(
                Map.of("vehicle_category_code", "C1", "issue_date", "2012-05-20", "expiry_date", "2032-05-20"),
                Map.of("vehicle_category_code", "D", "issue_date", "2018-09-01")), claims.get("national_driving_privileges"));
        assertArrayEquals(Fixtures.licence().portraitJpeg(),
                java.util.Base64.getDecoder().decode((String) claims.get("portrait")));
    }

    @Test
    void jwsVerifiesWithTheSameClaimsExceptTheRawPortrait() {
        VerificationResult mdoc = verifier.verifyMdoc(credential.mdoc());
        VerificationResult jws = verifier.verifyJws(credential.jws());

        assertEquals(Outcome.VALID, jws.outcome(), jws.reason());
        Map<String, Object> withoutPortrait = new java.util.LinkedHashMap<>(mdoc.claims());
        withoutPortrait.remove("portrait");
        assertEquals(withoutPortrait, jws.claims());
    }

    @Test
    void verifyDetectsTheRepresentation() {
        assertEquals(Outcome.VALID, verifier.verify(credential.mdocBase64Url()).outcome());
        assertEquals(Outcome.VALID, verifier.verify(" " + credential.jws() + "\n").outcome());
        assertEquals("MALFORMED", verifier.verify("not*base64").reasonCode());
        assertEquals("MALFORMED", verifier.verify("").reasonCode());
    }

    @Test
    void mdocFollowsTheIso18013DataModel() {
        Map<?, ?> document = (Map<?, ?>) Cbor.decode(credential.mdoc());
        assertEquals("org.iso.18013.5.1.mDL", document.get("docType"));
        Map<?, ?> issuerSigned = (Map<?, ?>) document.get("issuerSigned");
        List<?> isoItems = (List<?>) ((Map<?, ?>) issuerSigned.get("nameSpaces")).get("org.iso.18013.5.1");
        Map<?, ?> firstItem = (Map<?, ?>) Cbor.decodeEmbedded(isoItems.get(0));
        assertEquals(List.of("digestID", "random", "elementIdentifier", "elementValue"), List.copyOf(firstItem.keySet()));
        assertTrue(((byte[]) firstItem.get("random")).length >= 16, "salt of at least 16 bytes");

        List<?> issuerAuth = (List<?>) issuerSigned.get("issuerAuth");
        assertEquals(Map.of("1", -7L), Cbor.decode((byte[]) issuerAuth.get(0)));
        assertTrue(((Map<?, ?>) issuerAuth.get(1)).get("33") instanceof byte[], "x5chain carries the DS certificate");
        Map<?, ?> mso = (Map<?, ?>) Cbor.decodeEmbedded(Cbor.decode((byte[]) issuerAuth.get(2)));
        assertEquals("1.0", mso.get("version"));
        assertEquals("SHA-256", mso.get("digestAlgorithm"));
        assertEquals("org.iso.18013.5.1.mDL", mso.get("docType"));
        Map<?, ?> validityInfo = (Map<?, ?>) mso.get("validityInfo");
        assertEquals(new CborTagged(0, "2026-03-01T08:00:00Z"), validityInfo.get("signed"));
        // The licence runs to 2032 but the DS certificate ends sooner, and a credential never outlives its signer.
        assertEquals(new CborTagged(0, keys.documentSignerCertificate().getNotAfter().toInstant().toString()),
                validityInfo.get("validUntil"));
        assertEquals(isoItems.size(), ((Map<?, ?>) ((Map<?, ?>) mso.get("valueDigests")).get("org.iso.18013.5.1")).size());
        Map<?, ?> deviceKey = (Map<?, ?>) ((Map<?, ?>) mso.get("deviceKeyInfo")).get("deviceKey");
        assertEquals(2L, deviceKey.get("1"));
        assertEquals(64, ((byte[]) issuerAuth.get(3)).length, "ES256 signature is raw r||s");
    }

    @Test
    void offlineLookupStillVerifiesButSaysStatusWasNotChecked() {
        var offline = new CredentialVerifier(List.of(keys.iacaCertificate()), LicenceStatusLookup.offline(), Fixtures.CLOCK);
        VerificationResult result = offline.verifyMdoc(credential.mdoc());
        assertEquals(Outcome.VALID, result.outcome());
        assertEquals("STATUS_UNKNOWN", result.reasonCode());
    }

    @Test
    void theStatusListEntryIsSignedIntoBothRepresentationsAndHandedToTheRegister() {
        var entry = new StatusListReference(42, "https://licences.example.invalid/api/v1/licences/status-list");
        IssuedCredential referenced = new CredentialIssuer(keys, Fixtures.CLOCK).issue(Fixtures.licence(), entry);
        List<CredentialReference> asked = new java.util.ArrayList<>();
        var register = new LicenceStatusLookup() {
            @Override
            public LicenceStatus statusOf(String licenceNumber) {
                throw new AssertionError("the verifier asks about the presented credential, not only its licence");
            }

            @Override
            public LicenceStatus statusOf(CredentialReference credential) {
                asked.add(credential);
                return LicenceStatus.SUPERSEDED;
            }
        };
        var verifierWithRegister = new CredentialVerifier(List.of(keys.iacaCertificate()), register, Fixtures.CLOCK);

        for (VerificationResult result : List.of(verifierWithRegister.verifyMdoc(referenced.mdoc()),
                verifierWithRegister.verifyJws(referenced.jws()))) {
            assertEquals(Outcome.INVALID, result.outcome());
            assertEquals("SUPERSEDED", result.reasonCode());
            assertEquals(Map.of("status_list", Map.of("idx", 42L, "uri", entry.uri())),
                    normalised(result.claims().get("status")));
        }
        assertEquals(List.of(new CredentialReference(Fixtures.LICENCE_NUMBER, Fixtures.NOW, entry),
                new CredentialReference(Fixtures.LICENCE_NUMBER, Fixtures.NOW, entry)), asked);

        Map<?, ?> mso = (Map<?, ?>) Cbor.decodeEmbedded(Cbor.decode((byte[]) ((List<?>) ((Map<?, ?>) ((Map<?, ?>) Cbor
                .decode(referenced.mdoc())).get("issuerSigned")).get("issuerAuth")).get(2)));
        assertEquals(Map.of("status_list", Map.of("idx", 42L, "uri", entry.uri())), mso.get("status"));
        assertEquals(null, verifier.verifyJws(credential.jws()).claims().get("status"),
                "a credential issued without an entry claims none");
    }

    // JSON numbers come back as Integer, CBOR ones as Long; the signed value is the same.
    private static Object normalised(Object claim) {
        if (claim instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, normalised(value)));
            return copy;
        }
        return claim instanceof Integer number ? Long.valueOf(number) : claim;
    }

    @Test
    void thePortraitSignedIntoAnMdocCanBeReadBackForRenewal() {
        assertArrayEquals(Fixtures.licence().portraitJpeg(), MdocPortrait.jpeg(credential.mdoc()));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MdocPortrait.jpeg(credential.jws().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void licenceToStringDoesNotLeakTheResidentId() {
        assertTrue(!Fixtures.licence().toString().contains("110101199003074512"));
    }
}
