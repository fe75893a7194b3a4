package org.elicence.licence;

import org.elicence.licence.interop.QrDecoders;
import static org.elicence.licence.AuthorityCommands.AUTHORITY;
import static org.elicence.licence.LicenceTestSupport.credential;
import static org.elicence.licence.LicenceTestSupport.newId;
import static org.elicence.licence.LicenceTestSupport.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.infra.KafkaCredentials;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.infra.Runbook;
import org.elicence.licence.LicenceTestSupport.TestLicence;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * RENEW commands on the real broker and PostgreSQL: the old credential verifies as SUPERSEDED, the new one as
 * valid with the registry's new dates, the store keeps one live e-licence, and a redelivered command renews once.
 * Each test makes its own registry licence, so no test inherits another's renewals.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class LicenceRenewalTest extends LicenceServiceTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String LIVE_ROWS = "SELECT count(*) FROM e_licence WHERE licence_number = ?1 "
            + "AND status IN ('ACTIVE', 'SUSPENDED')";
    private static final String ALL_ROWS = "SELECT count(*) FROM e_licence WHERE licence_number = ?1";

    private AuthorityCommands authority;

    @BeforeEach
    void authority() {
        authority = new AuthorityCommands(kafka);
    }

    @Test
    void renewalSupersedesTheOldCredentialAndIssuesAValidOneWithTheRegistrysNewDates(@TempDir Path workDir)
            throws Exception {
        TestLicence licence = support.newDriverLicence(TODAY.plusDays(100));
        String firstApplication = newId();
        support.photoPassed(firstApplication, licence.residentId());
        JsonNode issued = support.awaitLicenceEvent(firstApplication, EventType.LICENCE_ISSUED);
        String secondApplication = newId();
        support.idCardApproved(secondApplication, licence.residentId());
        support.awaitLicenceEvent(secondApplication, EventType.LICENCE_ISSUED);
        // The registry renews the licence itself (new expiry, one more class); RENEW brings the credential up to date.
        support.registryRenews(licence.licenceNumber(), TODAY.plusDays(400), "D");

        // Exactly the operator's command from docs/operator-runbook.md.
        String sent = Runbook.run("licence-command", Map.of("BROKER", bootstrapServers(),
                "KAFKA_CONFIG", KafkaCredentials.kcatConfig(bootstrapServers(), AUTHORITY).toString(),
                "LICENCE", licence.licenceNumber(), "ACTION", "RENEW", "AUTHORITY", AUTHORITY,
                "REASON", "驾驶证换证，电子证照同步更新。"), workDir);
        assertTrue(sent.startsWith("sent command "), sent);

        JsonNode renewed = authority.awaitLicencesIssued(firstApplication, 2).get(1);
        assertEquals(List.of(), EventSchemas.violations(EventType.LICENCE_ISSUED, renewed));
        assertNotEquals(credential(issued, "jws"), credential(renewed, "jws"));
        assertEquals(credential(renewed, "jws"), credential(authority.awaitLicencesIssued(secondApplication, 2).get(1),
                "jws"), "every application holding the licence is given the renewed credential");
        assertEquals(TODAY.plusDays(100).toString(), issued.get("validUntil").asText());
        assertEquals(TODAY.plusDays(400).toString(), renewed.get("validUntil").asText());
        assertEquals(TODAY.toString(), renewed.get("validFrom").asText());
        assertEquals("[\"C1\",\"D\"]", renewed.get("licenceClasses").toString());
        assertEquals("ACTIVE", renewed.get("status").asText());

        for (String format : List.of("mso_mdoc", "jws")) {
            JsonPath old = verify(credential(issued, format));
            assertEquals("INVALID", old.getString("outcome"), format);
            assertEquals("SUPERSEDED", old.getString("reasonCode"), format);
            JsonPath current = verify(credential(renewed, format));
            assertEquals("VALID", current.getString("outcome"), format);
            assertEquals(TODAY.plusDays(400).toString(), current.getString("claims.expiry_date"), format);
            assertEquals(TODAY.toString(), current.getString("claims.issue_date"), format);
        }
        // The old online-verification QR names the superseded credential; the renewal brings a new one.
        String oldQr = scannedQr(issued);
        assertEquals("SUPERSEDED", verify(oldQr).getString("reasonCode"));
        assertNull(verify(oldQr).get("claims"), "an old QR tells its verdict, nothing of the holder");
        assertNotEquals(oldQr, scannedQr(renewed));
        assertEquals("VALID", verify(scannedQr(renewed)).getString("outcome"));
        assertEquals(licence.licenceNumber(), verify(scannedQr(renewed)).getString("claims.document_number"),
                "the current QR shows the licence, as showing it would");
        assertEquals(verify(credential(issued, "mso_mdoc")).getString("claims.portrait"),
                verify(credential(renewed, "mso_mdoc")).getString("claims.portrait"), "the approved portrait is re-signed");

        assertEquals(1, support.count(LIVE_ROWS, licence.licenceNumber()), "still one live e-licence");
        assertEquals(2, support.count(ALL_ROWS, licence.licenceNumber()), "the superseded one is kept");

        String laterApplication = newId();
        support.photoPassed(laterApplication, licence.residentId());
        assertEquals(credential(renewed, "jws"),
                credential(support.awaitLicenceEvent(laterApplication, EventType.LICENCE_ISSUED), "jws"),
                "an application after the renewal is given the renewed credential");
    }

    /**
     * A credential's validity ends at the latest with the document signer certificate it was signed under, which may
     * come before the licence's expiry. An application that would be given such a lapsed credential is issued a fresh
     * one instead, with the portrait approved for it, and every earlier holder is given it too, once. The lapse is
     * made as the register records it: the stored end of validity moved back to the signing instant.
     */
    @Test
    void anApplicationThatWouldBeGivenALapsedCredentialIsIssuedAFreshOneAndSoIsEveryHolder() throws Exception {
        TestLicence licence = support.newDriverLicence(TODAY.plusDays(300));
        String first = newId();
        JsonNode issued = issuedThenValidUntil(licence, first, "issued_at");

        String second = newId();
        String photo = newId();
        support.created(second, licence.residentId());
        support.photoPassed(second, licence.residentId(), photo, LicenceTestSupport.portraitJpeg(new Color(90, 60, 40)));
        support.photoAccepted(second, licence.residentId(), photo);
        JsonNode fresh = support.awaitLicenceEvent(second, EventType.LICENCE_ISSUED);
        assertNotEquals(credential(issued, "jws"), credential(fresh, "jws"), "not the lapsed credential");
        assertEquals("VALID", verify(credential(fresh, "mso_mdoc")).getString("outcome"));
        assertNotEquals(verify(credential(issued, "mso_mdoc")).getString("claims.portrait"),
                verify(credential(fresh, "mso_mdoc")).getString("claims.portrait"), "the portrait approved for it");
        assertEquals("SUPERSEDED", verify(credential(issued, "jws")).getString("reasonCode"));
        assertEquals(credential(fresh, "jws"), credential(authority.awaitLicencesIssued(first, 2).get(1), "jws"),
                "the earlier application is given the fresh credential too");
        assertEquals(2, support.eventsWritten(first, EventType.LICENCE_ISSUED), "issued, then the fresh one, once");
        assertEquals(1, support.eventsWritten(second, EventType.LICENCE_ISSUED));
        assertEquals(1, support.count(LIVE_ROWS, licence.licenceNumber()));
        assertEquals(2, support.count(ALL_ROWS, licence.licenceNumber()));
        assertEquals(1, support.count("SELECT count(*) FROM licence_decision d JOIN e_licence e ON e.id = d.e_licence_id "
                + "WHERE d.application_id = CAST(?1 AS uuid) AND d.outcome = 'ISSUED' AND e.status = 'ACTIVE' "
                + "AND e.application_id = d.application_id", second));
        assertEquals(1, support.count("SELECT count(*) FROM licence_decision d JOIN e_licence e ON e.id = d.e_licence_id "
                + "WHERE d.application_id = CAST(?1 AS uuid) AND e.status = 'ACTIVE'", first), "moved to the fresh one");
    }

    /** A credential that still has months to run is given as it is: renewing is for one about to lapse. */
    @Test
    void anApplicationIsGivenACredentialThatRunsLongerThanTheRenewalMarginAsItIs() throws Exception {
        TestLicence licence = support.newDriverLicence(TODAY.plusDays(300));
        String first = newId();
        JsonNode issued = issuedThenValidUntil(licence, first, "issued_at + interval '40 days'");

        String second = newId();
        support.idCardApproved(second, licence.residentId());
        assertEquals(credential(issued, "jws"),
                credential(support.awaitLicenceEvent(second, EventType.LICENCE_ISSUED), "jws"), "shared, not renewed");
        assertEquals(1, support.count(ALL_ROWS, licence.licenceNumber()));
    }

    @Test
    void aRedeliveredRenewRenewsOnceAndASuspendedLicenceStaysSuspendedWhenRenewed() throws Exception {
        TestLicence licence = support.newDriverLicence(TODAY.plusDays(300));
        String application = newId();
        support.photoPassed(application, licence.residentId());
        JsonNode first = support.awaitLicenceEvent(application, EventType.LICENCE_ISSUED);

        String renew = AuthorityCommands.commandJson(newId(), licence.licenceNumber(), "RENEW", AUTHORITY);
        authority.send(licence.licenceNumber(), renew, AUTHORITY);
        authority.send(licence.licenceNumber(), renew, AUTHORITY);
        // Same key, same partition: once the SUSPEND took effect, both copies of the RENEW have been read.
        authority.command(licence.licenceNumber(), "SUSPEND", AUTHORITY);
        authority.awaitStatusChange(application, "SUSPENDED");
        assertEquals(2, support.eventsWritten(application, EventType.LICENCE_ISSUED), "issued, then renewed once");
        assertEquals(2, support.count(ALL_ROWS, licence.licenceNumber()));
        JsonNode second = authority.awaitLicencesIssued(application, 2).get(1);
        assertEquals("SUSPENDED", verify(credential(second, "jws")).getString("reasonCode"));

        authority.command(licence.licenceNumber(), "RENEW", AUTHORITY);
        JsonNode third = authority.awaitLicencesIssued(application, 3).get(2);
        assertEquals("SUSPENDED", third.get("status").asText(), "renewal does not lift a suspension");
        assertEquals("SUSPENDED", verify(credential(third, "mso_mdoc")).getString("outcome"));
        assertEquals("SUPERSEDED", verify(credential(second, "jws")).getString("reasonCode"));
        assertEquals("SUPERSEDED", verify(credential(first, "jws")).getString("reasonCode"));
        assertEquals(1, support.count(LIVE_ROWS, licence.licenceNumber()));
        assertEquals(3, support.count(ALL_ROWS, licence.licenceNumber()));

        authority.command(licence.licenceNumber(), "REINSTATE", AUTHORITY);
        authority.awaitStatusChange(application, "ACTIVE");
        assertEquals("VALID", verify(credential(third, "jws")).getString("outcome"), "status commands follow the renewal");
    }

    @Test
    void aRevokedLicenceIsNotRenewed() throws Exception {
        TestLicence licence = support.newDriverLicence(TODAY.plusDays(300));
        String application = newId();
        support.photoPassed(application, licence.residentId());
        String jws = credential(support.awaitLicenceEvent(application, EventType.LICENCE_ISSUED), "jws");
        authority.command(licence.licenceNumber(), "REVOKE", AUTHORITY);
        authority.awaitStatusChange(application, "REVOKED");

        JsonNode rejected = authority.awaitRejection(authority.command(licence.licenceNumber(), "RENEW", AUTHORITY));
        assertEquals(List.of(), EventSchemas.violations(EventType.LICENCE_AUTHORITY_COMMAND_REJECTED, rejected));
        assertEquals("TRANSITION_NOT_ALLOWED", rejected.get("code").asText());
        assertTrue(rejected.get("reason").asText().contains("REVOKED; revocation is final"), rejected.toString());
        assertEquals("REVOKED", verify(jws).getString("reasonCode"), "the revoked credential is left as it was");
        assertEquals(1, support.count(ALL_ROWS, licence.licenceNumber()));
        assertEquals(1, support.eventsWritten(application, EventType.LICENCE_ISSUED));
    }

    @Test
    void renewalsThatCannotHappenAreRejectedWithTheReason() throws Exception {
        String noSuchLicence = authority.command("999999999998", "RENEW", AUTHORITY);
        assertEquals("UNKNOWN_LICENCE", authority.awaitRejection(noSuchLicence).get("code").asText());

        TestLicence neverIssued = support.newDriverLicence(TODAY.plusDays(300));
        JsonNode noELicence = authority.awaitRejection(authority.command(neverIssued.licenceNumber(), "RENEW", AUTHORITY));
        assertEquals("UNKNOWN_LICENCE", noELicence.get("code").asText());

        TestLicence lapsing = support.newDriverLicence(TODAY.plusDays(300));
        String application = newId();
        support.photoPassed(application, lapsing.residentId());
        String jws = credential(support.awaitLicenceEvent(application, EventType.LICENCE_ISSUED), "jws");
        LocalDate yesterday = TODAY.minusDays(1);
        support.registryRenews(lapsing.licenceNumber(), yesterday, "D"); // the registry now says it expired yesterday
        JsonNode expired = authority.awaitRejection(authority.command(lapsing.licenceNumber(), "RENEW", AUTHORITY));
        assertEquals("TRANSITION_NOT_ALLOWED", expired.get("code").asText());
        assertTrue(expired.get("reason").asText().contains("expired on " + yesterday), expired.toString());
        assertEquals("VALID", verify(jws).getString("outcome"), "a refused renewal leaves the credential alone");

        String withoutReason = "{\"commandId\":\"" + newId() + "\",\"licenceNumber\":\"" + lapsing.licenceNumber()
                + "\",\"action\":\"RENEW\",\"authorityId\":\"" + AUTHORITY + "\"}";
        authority.send(lapsing.licenceNumber(), withoutReason, AUTHORITY);
        JsonNode malformed = authority.awaitRejection(LicenceTestSupport.JSON.readTree(withoutReason).get("commandId").asText());
        assertEquals("MALFORMED_COMMAND", malformed.get("code").asText());
    }

    /**
     * Issues the licence's first credential to {@code application}, then moves its stored end of validity to
     * {@code validUntilSql} (an SQL expression over the e_licence row), as the register would record a credential
     * signed under a document signer certificate that ends then.
     */
    private JsonNode issuedThenValidUntil(TestLicence licence, String application, String validUntilSql)
            throws Exception {
        support.photoPassed(application, licence.residentId());
        JsonNode issued = support.awaitLicenceEvent(application, EventType.LICENCE_ISSUED);
        assertEquals(1, support.count("UPDATE e_licence SET valid_until = " + validUntilSql
                + " WHERE licence_number = ?1 RETURNING 1", licence.licenceNumber()));
        return issued;
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String scannedQr(JsonNode licenceIssued) {
        return QrDecoders.zxing(QrDecoders.png(
                java.util.Base64.getDecoder().decode(licenceIssued.get("qrCode").get("base64").asText())));
    }
}
