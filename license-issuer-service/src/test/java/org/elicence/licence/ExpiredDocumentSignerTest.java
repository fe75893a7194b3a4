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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.elicence.infra.LocalInfraTestResource;
import org.elicence.licence.credential.CredentialIssuer;
import org.elicence.licence.credential.Fixtures;
import org.elicence.licence.credential.IssuedCredential;
import org.elicence.licence.credential.keys.DevKeyTool;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.messaging.EventType;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
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

    /**
     * Approvals kept because they came before their application's creation are not tried while nothing can be
     * signed: tried, one failed its five attempts within seconds and was refused, holding its application's later
     * events until an operator tried it again by hand (the runbook's dead-letter replay does not reach these rows).
     * They wait, and go on once a signer that can sign is installed.
     */
    @Test
    void approvalsKeptForTheirApplicationWaitWhileNothingCanBeSigned() throws Exception {
        var licence = support.newDriverLicence(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(300));
        String application = LicenceTestSupport.newId();
        String photo = LicenceTestSupport.newId();
        support.photoPassed(application, licence.residentId(), photo, LicenceTestSupport.portraitJpeg());
        support.photoAccepted(application, licence.residentId(), photo);
        String kept = "SELECT count(*) FROM approval_awaiting_application WHERE application_id = CAST(?1 AS uuid)";
        org.awaitility.Awaitility.await().atMost(LicenceTestSupport.WAIT)
                .until(() -> support.count(kept, application) == 2);
        support.created(application, licence.residentId());

        Thread.sleep(8_000); // eight passes at the tests' 1 s (licence.awaiting-creation.max-attempts is 5)
        assertEquals(2, support.count(kept + " AND refused_at IS NULL AND attempts = 0", application),
                "both wait, untried");
        assertEquals(0, support.eventsWritten(application, EventType.LICENCE_ISSUED));
    }

    /**
     * A licence whose live credential lapsed with the signer that signed it (a credential never outlives its signer
     * certificate) is not handed to a new application as it is: no renewal is possible, and until 2026-12-07 the
     * application was decided SHARED for good and given a credential every verifier refuses.
     */
    @Test
    void aCredentialThatLapsedWithItsSignerIsNotHandedOutAsItIs() throws Exception {
        var licence = support.newDriverLicence(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(300));
        KeyMaterial keys = KeyMaterial.load(KEYS.resolve(DevKeyTool.IACA_CERT), KEYS.resolve(DevKeyTool.DS_CERT),
                KEYS.resolve(DevKeyTool.DS_KEY));
        Instant signerExpired = keys.documentSignerCertificate().getNotAfter().toInstant();
        // signed while its signer was valid, a hundred days before it expired
        IssuedCredential signedThen = new CredentialIssuer(keys, Clock.fixed(signerExpired.minus(Duration.ofDays(100)),
                java.time.ZoneOffset.UTC)).issue(Fixtures.licence(LocalDate.now().plusDays(300)));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("INSERT INTO e_licence (id, "
                + "licence_number, application_id, status, mdoc, jws, issued_at, valid_until, status_changed_at, "
                + "status_index, verification_code) VALUES (gen_random_uuid(), ?1, gen_random_uuid(), 'ACTIVE', ?2, ?3, "
                + "?4, ?5, ?4, nextval('e_licence_status_index'), upper(replace(gen_random_uuid()::text, '-', '')))")
                .setParameter(1, licence.licenceNumber()).setParameter(2, signedThen.mdoc())
                .setParameter(3, signedThen.jws()).setParameter(4, signerExpired.minus(Duration.ofDays(100)))
                .setParameter(5, signerExpired).executeUpdate());

        String application = LicenceTestSupport.newId();
        support.photoPassed(application, licence.residentId());

        var deadLetter = kafka.awaitDeadLetters("license-issuer-service.dlq", application, 1, LicenceTestSupport.WAIT)
                .get(0);
        String cause = org.elicence.infra.KafkaTestClient.header(deadLetter, "dead-letter-cause");
        assertTrue(cause != null && cause.contains("document signer certificate expired on"), cause);
        assertEquals(0, support.eventsWritten(application, EventType.LICENCE_ISSUED), application);
        assertEquals(0, support.count("SELECT count(*) FROM licence_decision WHERE application_id = "
                + "CAST(?1 AS uuid)", application), "not decided SHARED: a replay decides it");
    }
}
