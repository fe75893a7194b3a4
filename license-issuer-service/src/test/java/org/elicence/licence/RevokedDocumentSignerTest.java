package org.elicence.licence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.elicence.infra.LocalInfraTestResource;
import org.elicence.licence.credential.keys.DevKeyTool;
import org.elicence.licence.credential.keys.Pem;
import org.elicence.messaging.EventType;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A document signer the IACA revoked (its key compromised, the CRL re-signed and mounted) signs nothing more, and a
 * credential it signed is not handed to a new application as it is: either would verify CERTIFICATE_REVOKED for
 * good. Until 2026-12-07 the CRL was read by verification only: the issuer went on signing under the revoked key
 * until restarted, and shared what it had signed. Keys of their own (this test revokes their signer).
 */
@QuarkusTest
@TestProfile(RevokedDocumentSignerTest.OwnKeys.class)
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class RevokedDocumentSignerTest extends LicenceServiceTestBase {

    static final Path KEYS = Path.of("target", "test-keys-revoked-" + UUID.randomUUID());

    public static class OwnKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return keysIn(KEYS);
        }

        /** The service's key settings for the files DevKeyTool writes in {@code directory}. */
        static Map<String, String> keysIn(Path directory) {
            return Map.of("licence.keys.iaca-cert", directory.resolve(DevKeyTool.IACA_CERT).toString(),
                    "licence.keys.ds-cert", directory.resolve(DevKeyTool.DS_CERT).toString(),
                    "licence.keys.ds-key", directory.resolve(DevKeyTool.DS_KEY).toString(),
                    "licence.keys.iaca-crl", directory.resolve(DevKeyTool.IACA_CRL).toString());
        }
    }

    @Test
    void nothingIsSignedOrSharedUnderARevokedDocumentSigner() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var licence = support.newDriverLicence(today.plusDays(300));
        String first = LicenceTestSupport.newId();
        support.photoPassed(first, licence.residentId());
        support.awaitLicenceEvent(first, EventType.LICENCE_ISSUED);
        given().get("/q/health/ready").then().statusCode(200);
        assertEquals(0.0, signerRevokedGauge(), "the gauge the alert ElicenceDocumentSignerRevoked reads");
        String signerKid = given().get("/api/v1/licences/jwks.json").then().statusCode(200).extract()
                .path("keys[0].kid");

        new DevKeyTool(KEYS, Clock.systemUTC()).revokeDocumentSigner(Pem.readCertificate(
                KEYS.resolve(DevKeyTool.DS_CERT)));

        // said, without leaving readiness: verification, the status list and the new CRL stay served
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'licence-signing-keys' }.data.documentSignerRevoked", equalTo(true));
        given().get("/api/v1/licences/crl/iaca.crl").then().statusCode(200);
        // a relying party looking keys up by kid checks no CRL: the compromised key is no longer offered
        List<String> published = given().get("/api/v1/licences/jwks.json").then().statusCode(200).extract()
                .path("keys.kid");
        assertFalse(published.contains(signerKid), "the revoked signer's key is withdrawn from /jwks.json");
        assertEquals(1.0, signerRevokedGauge(), "the gauge the alert ElicenceDocumentSignerRevoked reads");
        // the licence's live credential was signed by the revoked signer: renewed, not shared, which needs a signer
        String second = LicenceTestSupport.newId();
        support.photoPassed(second, licence.residentId());
        // a licence without an e-licence yet: signed, which needs a signer
        var other = support.newDriverLicence(today.plusDays(300));
        String third = LicenceTestSupport.newId();
        support.photoPassed(third, other.residentId());

        for (String application : new String[] {second, third}) {
            // retried, then dead-lettered for a replay once a new signer is installed
            kafka.awaitDeadLetters("license-issuer-service.dlq", application, 1, LicenceTestSupport.WAIT);
            assertEquals(0, support.eventsWritten(application, EventType.LICENCE_ISSUED), application);
            assertEquals(0, support.count("SELECT count(*) FROM licence_decision WHERE application_id = "
                    + "CAST(?1 AS uuid)", application), "no decision kept: a replay decides it");
        }
    }

    private static double signerRevokedGauge() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("licence_document_signer_revoked"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no licence_document_signer_revoked in /q/metrics"));
    }
}
