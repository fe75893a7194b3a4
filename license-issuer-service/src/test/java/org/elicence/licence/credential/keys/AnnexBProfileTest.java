package org.elicence.licence.credential.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.elicence.licence.credential.CredentialIssuer;
import org.elicence.licence.credential.CredentialVerifier;
import org.elicence.licence.credential.Fixtures;
import org.elicence.licence.credential.IssuedCredential;
import org.elicence.licence.credential.VerificationResult.Outcome;
import org.elicence.licence.credential.VerificationResult;
import org.elicence.licence.credential.status.LicenceStatus;
import org.elicence.licence.credential.status.StatusList;
import org.elicence.licence.credential.status.StatusListToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ISO 18013-5 Annex B certificate profiles and the IACA's CRL, read back with Bouncy Castle's ASN.1 parser. */
class AnnexBProfileTest {

    private static final String STATUS_URI = "https://licences.example.invalid/api/v1/licences/status-list";
    private static final IssuerNames NAMES = new IssuerNames("https://licences.example.invalid/api/v1/licences/crl/iaca.crl",
            "https://licences.example.invalid/");

    private final KeyHierarchyGenerator generator = new KeyHierarchyGenerator(Fixtures.CLOCK, NAMES);
    private final CertifiedKey root = generator.newRoot("Test IACA", KeyHierarchyGenerator.DEFAULT_ROOT_VALIDITY);
    private final CertifiedKey signer = generator.newDocumentSigner(root, "Test DS",
            KeyHierarchyGenerator.DEFAULT_DOCUMENT_SIGNER_VALIDITY);

    @Test
    void bothCertificatesNameTheCrlDistributionPointAndTheIssuer() throws Exception {
        for (X509Certificate certificate : List.of(root.certificate(), signer.certificate())) {
            var holder = new X509CertificateHolder(certificate.getEncoded());

            Extension crlExtension = holder.getExtension(Extension.cRLDistributionPoints);
            assertNotNull(crlExtension, "cRLDistributionPoints is mandatory");
            assertFalse(crlExtension.isCritical());
            DistributionPoint[] points = CRLDistPoint.getInstance(crlExtension.getParsedValue()).getDistributionPoints();
            assertEquals(1, points.length);
            assertNull(points[0].getReasons(), "Annex B: no reasons");
            assertNull(points[0].getCRLIssuer(), "Annex B: no cRLIssuer");
            assertEquals(DistributionPointName.FULL_NAME, points[0].getDistributionPoint().getType());
            GeneralName[] names = GeneralNames.getInstance(points[0].getDistributionPoint().getName()).getNames();
            assertEquals(GeneralName.uniformResourceIdentifier, names[0].getTagNo());
            assertEquals(NAMES.crlUri(), names[0].getName().toString());

            Extension issuerAltName = holder.getExtension(Extension.issuerAlternativeName);
            assertNotNull(issuerAltName, "issuerAltName is mandatory");
            assertFalse(issuerAltName.isCritical());
            GeneralName contact = GeneralNames.getInstance(issuerAltName.getParsedValue()).getNames()[0];
            assertEquals(GeneralName.uniformResourceIdentifier, contact.getTagNo());
            assertEquals("https://licences.example.invalid/", contact.getName().toString());

            assertNotNull(holder.getExtension(Extension.subjectKeyIdentifier));
            assertTrue(holder.getExtension(Extension.keyUsage).isCritical());
            assertEquals("CN", IssuerTrust.countryOf(certificate));
        }
        var ds = new X509CertificateHolder(signer.certificate().getEncoded());
        assertNotNull(ds.getExtension(Extension.authorityKeyIdentifier));
        assertTrue(ds.getExtension(Extension.extendedKeyUsage).isCritical());
        assertTrue(signer.certificate().getExtendedKeyUsage().contains(KeyHierarchyGenerator.MDL_DOCUMENT_SIGNER_EKU));
        assertEquals(0, root.certificate().getBasicConstraints(), "CA, path length 0");
        assertTrue(root.certificate().getKeyUsage()[5] && root.certificate().getKeyUsage()[6], "keyCertSign, cRLSign");
        assertEquals(List.of(), KeyMaterial.of(root.certificate(), signer).annexBProblems());
    }

    @Test
    void validityPeriodsStayWithinAnnexB() {
        Duration ds = Duration.between(signer.certificate().getNotBefore().toInstant(),
                signer.certificate().getNotAfter().toInstant());
        assertTrue(ds.toDays() <= 457, "DS valid " + ds.toDays() + " days");
        assertTrue(root.certificate().getNotAfter().toInstant().isBefore(
                Fixtures.NOW.atOffset(java.time.ZoneOffset.UTC).plusYears(20).toInstant().plusSeconds(1)));

        assertThrows(IllegalArgumentException.class, () -> generator.newDocumentSigner(root, "Too long", Period.ofDays(458)));
        assertThrows(IllegalArgumentException.class, () -> generator.newDocumentSigner(root, "Too long", Period.ofYears(3)));
        assertThrows(IllegalArgumentException.class, () -> generator.newRoot("Too long", Period.ofYears(21)));
        assertThrows(IllegalArgumentException.class, () -> new IssuerNames("ldap://x/crl", "https://x/"));
    }

    @Test
    void aDocumentSignerInItsIacasCrlIsRefused() throws Exception {
        KeyMaterial keys = KeyMaterial.of(root.certificate(), signer);
        IssuedCredential issued = new CredentialIssuer(keys, Fixtures.CLOCK).issue(Fixtures.licence());
        X509CRL crl = generator.newCrl(root, List.of(signer.certificate().getSerialNumber()), 2, Duration.ofDays(90));

        var holder = new org.bouncycastle.cert.X509CRLHolder(crl.getEncoded());
        assertNotNull(holder.getExtension(Extension.authorityKeyIdentifier));
        assertEquals(2, org.bouncycastle.asn1.x509.CRLNumber.getInstance(
                holder.getExtension(Extension.cRLNumber).getParsedValue()).getCRLNumber().intValue());
        assertNotNull(crl.getNextUpdate());

        var verifier = new CredentialVerifier(List.of(root.certificate()), CertificateRevocation.of(List.of(crl)),
                Fixtures.statusIs(LicenceStatus.ACTIVE), Fixtures.CLOCK);
        for (VerificationResult result : List.of(verifier.verifyMdoc(issued.mdoc()), verifier.verifyJws(issued.jws()))) {
            assertEquals(Outcome.INVALID, result.outcome());
            assertEquals("CERTIFICATE_REVOKED", result.reasonCode());
            assertTrue(result.claims().isEmpty());
        }

        // Nor is a status list it signed: its key could mark any licence valid.
        String statusList = StatusListToken.sign(StatusList.allValid(2, 16), STATUS_URI, Fixtures.NOW,
                Duration.ofHours(1), Duration.ofMinutes(5), keys);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> StatusListToken.verify(
                statusList, STATUS_URI, List.of(root.certificate()), CertificateRevocation.of(List.of(crl)),
                Fixtures.NOW));
        assertTrue(refused.getMessage().contains("revoked"), refused.getMessage());

        X509CRL empty = generator.newCrl(root, List.of(), 3, Duration.ofDays(90));
        assertEquals(StatusList.VALID, StatusListToken.verify(statusList, STATUS_URI, List.of(root.certificate()),
                CertificateRevocation.of(List.of(empty)), Fixtures.NOW).get(3));
        assertEquals(Outcome.VALID, new CredentialVerifier(List.of(root.certificate()),
                CertificateRevocation.of(List.of(empty)), Fixtures.statusIs(LicenceStatus.ACTIVE), Fixtures.CLOCK)
                .verifyMdoc(issued.mdoc()).outcome());

        // A CRL another authority signed cannot revoke this issuer's signer.
        var other = new KeyHierarchyGenerator(Fixtures.CLOCK, NAMES);
        CertifiedKey otherRoot = other.newRoot("Test IACA", KeyHierarchyGenerator.DEFAULT_ROOT_VALIDITY);
        X509CRL foreign = other.newCrl(otherRoot, List.of(signer.certificate().getSerialNumber()), 1, Duration.ofDays(90));
        assertEquals(Outcome.VALID, new CredentialVerifier(List.of(root.certificate()),
                CertificateRevocation.of(List.of(foreign)), Fixtures.statusIs(LicenceStatus.ACTIVE), Fixtures.CLOCK)
                .verifyJws(issued.jws()).outcome());
    }

    @Test
    void devKeyToolWritesACrlAndRevokesADocumentSigner(@TempDir Path directory) throws Exception {
        var tool = new DevKeyTool(directory, Fixtures.CLOCK);
        tool.createHierarchy();
        X509Certificate iaca = Pem.readCertificate(directory.resolve(DevKeyTool.IACA_CERT));
        X509Certificate ds = Pem.readCertificate(directory.resolve(DevKeyTool.DS_CERT));
        X509CRL crl = Pem.readCrl(directory.resolve(DevKeyTool.IACA_CRL));
        crl.verify(iaca.getPublicKey());
        assertNull(crl.getRevokedCertificates());
        assertTrue(Files.readString(directory.resolve(DevKeyTool.IACA_CRL)).startsWith("-----BEGIN X509 CRL-----"));

        tool.rotateDocumentSigner();
        tool.revokeDocumentSigner(ds);
        X509CRL revoked = Pem.readCrl(directory.resolve(DevKeyTool.IACA_CRL));
        revoked.verify(iaca.getPublicKey());
        assertTrue(revoked.isRevoked(ds));
        assertFalse(revoked.isRevoked(Pem.readCertificate(directory.resolve(DevKeyTool.DS_CERT))));
        byte[] number = revoked.getExtensionValue(Extension.cRLNumber.getId());
        assertEquals(2, org.bouncycastle.asn1.x509.CRLNumber.getInstance(ASN1OctetString.getInstance(number).getOctets())
                .getCRLNumber().intValue());
        assertEquals(revoked, Pem.crl(revoked.getEncoded()), "DER reads as well as PEM");
    }
}
