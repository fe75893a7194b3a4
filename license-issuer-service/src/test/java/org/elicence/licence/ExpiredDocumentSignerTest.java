package org.elicence.licence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.elicence.infra.LocalInfraTestResource;
import org.elicence.licence.credential.keys.DevKeyTool;
import org.elicence.messaging.EventType;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A document signer left to expire signs nothing (every verifier would answer CERTIFICATE_EXPIRED), and the service
 * stays ready: verification, the status list and the CRL are served for the credentials already issued. Until
 * 2026-12-07 readiness went DOWN with the signer, and with it all of those. Keys of their own, made 500 days ago: the
 * signer's 457 days ended 43 days ago; the IACA's CRL re-signed today.
 */
@QuarkusTest
@TestProfile(ExpiredDocumentSignerTest.ExpiredKeys.class)
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class ExpiredDocumentSignerTest extends LicenceServiceTestBase {

    static final Path KEYS = Path.of("target", "test-keys-expired-" + UUID.randomUUID());

    public static class ExpiredKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                if (!KEYS.resolve(DevKeyTool.DS_CERT).toFile().exists()) {
                    new DevKeyTool(KEYS, Clock.offset(Clock.systemUTC(), Duration.ofDays(-500))).createHierarchy();
                    new DevKeyTool(KEYS, Clock.systemUTC()).renewCrl();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return RevokedDocumentSignerTest.OwnKeys.keysIn(KEYS);
        }
    }

    @Test
    void nothingIsSignedUnderAnExpiredDocumentSignerAndTheServiceStaysReady() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'licence-signing-keys' }.data.documentSignerExpired", equalTo(true));
        given().get("/api/v1/licences/crl/iaca.crl").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double expiry = metrics.lines().filter(line -> line.startsWith("licence_document_signer_expiry_seconds"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no licence_document_signer_expiry_seconds in /q/metrics"));
        assertTrue(expiry <= 0, "the gauge the alert ElicenceDocumentSignerExpired reads: " + expiry);

        var licence = support.newDriverLicence(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(300));
        String application = LicenceTestSupport.newId();
        support.photoPassed(application, licence.residentId());
        // retried, then dead-lettered for a replay once a new signer is installed
        var deadLetter = kafka.awaitDeadLetters("license-issuer-service.dlq", application, 1, LicenceTestSupport.WAIT)
                .get(0);
        String cause = org.elicence.infra.KafkaTestClient.header(deadLetter, "dead-letter-cause");
        assertTrue(cause != null && cause.contains("document signer certificate expired on"), "refused for the "
                + "expired signer by name, not by the credential's dates: " + cause);
        assertEquals(0, support.eventsWritten(application, EventType.LICENCE_ISSUED), application);
        assertEquals(0, support.count("SELECT count(*) FROM licence_decision WHERE application_id = "
                + "CAST(?1 AS uuid)", application), "no decision kept: a replay decides it");
    }
}
