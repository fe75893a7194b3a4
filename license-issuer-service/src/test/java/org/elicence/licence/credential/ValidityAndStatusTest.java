package org.elicence.licence.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.elicence.licence.credential.VerificationResult.Outcome;
import org.elicence.licence.credential.keys.KeyHierarchyGenerator;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.licence.credential.status.LicenceStatus;
import org.elicence.licence.credential.status.LicenceStatusLookup;
import org.junit.jupiter.api.Test;

class ValidityAndStatusTest {

    private final KeyMaterial keys = Fixtures.keys();
    private final IssuedCredential credential = new CredentialIssuer(keys, Fixtures.CLOCK).issue(Fixtures.licence());

    private CredentialVerifier verifierAt(Instant now, LicenceStatus status) {
        return new CredentialVerifier(List.of(keys.iacaCertificate()), Fixtures.statusIs(status),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void revokedAndSuspendedLicencesAreReportedWithTheirClaims() {
        VerificationResult revoked = verifierAt(Fixtures.NOW, LicenceStatus.REVOKED).verifyMdoc(credential.mdoc());
        assertEquals(Outcome.REVOKED, revoked.outcome());
        assertEquals("REVOKED", revoked.reasonCode());
        assertEquals(Fixtures.LICENCE_NUMBER, revoked.claims().get("document_number"));

        assertEquals(Outcome.SUSPENDED, verifierAt(Fixtures.NOW, LicenceStatus.SUSPENDED).verifyJws(credential.jws()).outcome());
        assertEquals(Outcome.REVOKED, verifierAt(Fixtures.NOW, LicenceStatus.REVOKED).verify(credential.jws()).outcome());
    }

    @Test
    void credentialPastItsValidUntilIsExpired() {
        // A licence expiring within the DS certificate's 457 days, so the credential's own window, not the
        // certificate, is what runs out.
        LicenceData soon = Fixtures.licence();
        soon = new LicenceData(soon.licenceNumber(), soon.familyName(), soon.givenName(), soon.residentIdNumber(),
                soon.birthDate(), soon.privileges(), soon.firstIssueDate(), soon.issueDate(), LocalDate.of(2026, 11, 20),
                soon.issuingAuthority(), soon.portraitJpeg());
        KeyMaterial longLived = Fixtures.keys(Fixtures.CLOCK, KeyHierarchyGenerator.DEFAULT_DOCUMENT_SIGNER_VALIDITY);
        IssuedCredential issued = new CredentialIssuer(longLived, Fixtures.CLOCK).issue(soon);
        var afterExpiryDay = new CredentialVerifier(List.of(longLived.iacaCertificate()),
                Fixtures.statusIs(LicenceStatus.ACTIVE), Clock.fixed(Instant.parse("2026-11-20T16:00:00Z"), ZoneOffset.UTC));
        var lastMinute = new CredentialVerifier(List.of(longLived.iacaCertificate()),
                Fixtures.statusIs(LicenceStatus.ACTIVE), Clock.fixed(Instant.parse("2026-11-20T15:59:59Z"), ZoneOffset.UTC));

        assertEquals(Outcome.VALID, lastMinute.verifyMdoc(issued.mdoc()).outcome(), "valid through the expiry day in China");
        for (VerificationResult result : List.of(afterExpiryDay.verifyMdoc(issued.mdoc()), afterExpiryDay.verifyJws(issued.jws()))) {
            assertEquals(Outcome.EXPIRED, result.outcome());
            assertEquals("EXPIRED", result.reasonCode());
        }
    }

    @Test
    void expiredDocumentSignerCertificateMakesTheCredentialExpired() {
        Clock lastYear = Clock.fixed(Fixtures.NOW.minus(Period.ofDays(400)), ZoneOffset.UTC);
        KeyMaterial shortLived = Fixtures.keys(lastYear, Period.ofDays(30));
        IssuedCredential issued = new CredentialIssuer(shortLived, lastYear).issue(Fixtures.licence());
        var verifier = new CredentialVerifier(List.of(shortLived.iacaCertificate()),
                Fixtures.statusIs(LicenceStatus.ACTIVE), Fixtures.CLOCK);

        for (VerificationResult result : List.of(verifier.verifyMdoc(issued.mdoc()), verifier.verifyJws(issued.jws()))) {
            assertEquals(Outcome.EXPIRED, result.outcome());
            assertEquals("CERTIFICATE_EXPIRED", result.reasonCode());
            assertTrue(result.claims().isEmpty());
        }
    }

    /**
     * A verifier whose clock runs a minute behind the issuer's still accepts a credential signed just now (and its
     * document signer's certificate, made the same instant after a rotation); ten minutes before it was signed, not.
     */
    @Test
    void credentialPresentedBeforeItWasSignedIsNotValidYetBeyondTheClockSkew() {
        VerificationResult skewed = verifierAt(Fixtures.NOW.minusSeconds(60), LicenceStatus.ACTIVE).verifyJws(credential.jws());
        assertEquals(Outcome.VALID, skewed.outcome(), skewed.reason());
        VerificationResult result = verifierAt(Fixtures.NOW.minusSeconds(600), LicenceStatus.ACTIVE).verifyJws(credential.jws());
        assertEquals(Outcome.INVALID, result.outcome());
        assertTrue(List.of("NOT_YET_VALID", "CERTIFICATE_NOT_YET_VALID").contains(result.reasonCode()), result.reasonCode());
    }

    @Test
    void issuerRefusesToSignAnAlreadyExpiredLicence() {
        Clock after = Clock.fixed(Instant.parse("2033-01-01T00:00:00Z"), ZoneOffset.UTC);
        KeyMaterial later = Fixtures.keys(after, KeyHierarchyGenerator.DEFAULT_DOCUMENT_SIGNER_VALIDITY);
        assertThrows(IllegalArgumentException.class, () -> new CredentialIssuer(later, after).issue(Fixtures.licence()));
    }

    @Test
    void credentialFromAnotherAuthorityIsUntrusted() {
        KeyMaterial otherAuthority = Fixtures.keys();
        IssuedCredential foreign = new CredentialIssuer(otherAuthority, Fixtures.CLOCK).issue(Fixtures.licence());
        CredentialVerifier verifier = verifierAt(Fixtures.NOW, LicenceStatus.ACTIVE);

        for (VerificationResult result : List.of(verifier.verifyMdoc(foreign.mdoc()), verifier.verifyJws(foreign.jws()))) {
            assertEquals(Outcome.INVALID, result.outcome());
            assertEquals("UNTRUSTED_ISSUER", result.reasonCode());
        }
    }

    @Test
    void aRootThatIsNotACaCannotBeConfiguredAsTrustAnchor() {
        assertThrows(IllegalArgumentException.class, () -> new CredentialVerifier(
                List.of(keys.documentSignerCertificate()), LicenceStatusLookup.offline(), Fixtures.CLOCK));
        assertThrows(IllegalArgumentException.class, () -> new CredentialVerifier(
                List.of(), LicenceStatusLookup.offline(), Fixtures.CLOCK));
    }
}
