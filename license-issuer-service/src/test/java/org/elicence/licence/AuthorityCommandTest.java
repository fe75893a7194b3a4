package org.elicence.licence;

import static org.elicence.licence.LicenceTestSupport.HUANG_LI;
import static org.elicence.licence.LicenceTestSupport.HUANG_LI_LICENCE;
import static org.elicence.licence.LicenceTestSupport.LIU_YANG;
import static org.elicence.licence.LicenceTestSupport.LIU_YANG_LICENCE;
import static org.elicence.licence.LicenceTestSupport.JSON;
import static org.elicence.licence.LicenceTestSupport.WAIT;
import static org.elicence.licence.LicenceTestSupport.credential;
import static org.elicence.licence.LicenceTestSupport.newId;
import static org.elicence.licence.LicenceTestSupport.verify;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.infra.KafkaCredentials;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.infra.Runbook;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Authority commands typed as plain JSON onto licence-authority-commands, as an operator would with kcat. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class AuthorityCommandTest extends LicenceServiceTestBase {

    private static final String AUTHORITY = AuthorityCommands.AUTHORITY;

    private AuthorityCommands authority;

    @BeforeEach
    void authority() {
        authority = new AuthorityCommands(kafka);
    }

    @Test
    void suspendReinstateAndRevokeShowInVerificationAtOnce() throws Exception {
        String applicationId = newId();
        support.photoPassed(applicationId, HUANG_LI);
        String jws = credential(support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED), "jws");
        assertEquals("VALID", verify(jws).getString("outcome"));

        String suspend = AuthorityCommands.commandJson(newId(), HUANG_LI_LICENCE, "SUSPEND", AUTHORITY);
        authority.send(HUANG_LI_LICENCE, suspend, AUTHORITY);
        JsonNode changed = authority.awaitStatusChange(applicationId, "SUSPENDED");
        assertEquals(List.of(), EventSchemas.violations(EventType.LICENCE_STATUS_CHANGED, changed));
        assertEquals("SUSPENDED", verify(jws).getString("outcome"));

        // The same command again (same commandId) is a redelivery: no second change, no rejection.
        authority.send(HUANG_LI_LICENCE, suspend, AUTHORITY);
        authority.command(HUANG_LI_LICENCE, "REINSTATE", AUTHORITY);
        authority.awaitStatusChange(applicationId, "ACTIVE");
        assertEquals("VALID", verify(jws).getString("outcome"));
        assertEquals(2, support.eventsWritten(applicationId, EventType.LICENCE_STATUS_CHANGED),
                "one SUSPENDED and one ACTIVE change");

        authority.command(HUANG_LI_LICENCE, "REVOKE", AUTHORITY);
        authority.awaitStatusChange(applicationId, "REVOKED");
        assertEquals("REVOKED", verify(jws).getString("outcome"));
        assertEquals("REVOKED", verify(jws).getString("reasonCode"));
    }

    /**
     * The authority learns what its command did from the licence register, with exactly the runbook's kcat block and
     * its own Kafka credentials: the issue and the suspension, and nothing of the holder (no credential, name or ID
     * number). That the authorities may no longer read licence-events is deploy/kafka-access.conf's: local-infra's
     * AuthenticatedBrokerTest has the live broker refuse it, and KafkaAccessTest holds the KafkaUsers to it.
     */
    @Test
    void theAuthorityReadsWhatItsCommandDidInTheRegisterWithoutTheHoldersData(@TempDir Path workDir) throws Exception {
        // a licence of its own: the other tests suspend and revoke the seeded ones
        LicenceTestSupport.TestLicence licence = support.newDriverLicence(
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(300));
        String applicationId = newId();
        support.photoPassed(applicationId, licence.residentId());
        JsonNode issued = support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);
        authority.command(licence.licenceNumber(), "SUSPEND", AUTHORITY);
        authority.awaitStatusChange(applicationId, "SUSPENDED");

        Map<String, String> asTheAuthority = Map.of("KAFKA_CONFIG", KafkaCredentials.kcatConfig(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), AUTHORITY).toString(),
                "LICENCE", licence.licenceNumber());
        List<JsonNode> entries = await().atMost(WAIT).until(() -> {
            List<JsonNode> lines = new java.util.ArrayList<>();
            for (String line : Runbook.run("licence-register", asTheAuthority, workDir).split("\n")) {
                JsonNode entry = line.isBlank() ? null : JSON.readTree(line);
                if (entry != null && applicationId.equals(entry.path("applicationId").asText())) {
                    lines.add(entry);
                }
            }
            return lines;
        }, lines -> lines.size() >= 2);
        assertEquals("ISSUED", entries.get(0).get("entry").asText());
        assertEquals(issued.get("validUntil").asText(), entries.get(0).get("validUntil").asText());
        assertEquals("STATUS_CHANGED", entries.get(entries.size() - 1).get("entry").asText());
        assertEquals("SUSPENDED", entries.get(entries.size() - 1).get("status").asText());
        assertTrue(entries.get(entries.size() - 1).get("reason").asText().contains("SUSPEND"));

        for (ConsumerRecord<String, String> record : kafka.awaitAll(Topics.LICENCE_REGISTER,
                r -> applicationId.equals(r.key()), 2, WAIT)) {
            assertEquals(List.of(), EventSchemas.violations(EventType.LICENCE_REGISTER_ENTRY, JSON.readTree(record.value())));
            for (String personal : List.of("credentials", "holderName", licence.residentId(), "qrCode", "portrait")) {
                assertFalse(record.value().contains(personal), personal + " in the register: " + record.value());
            }
        }
    }

    /**
     * An authority may stop a licence before the driver has an e-licence (not applied yet, or the approval still on
     * its way): the first e-licence starts from it. Until 2026-12-07 such a command was refused UNKNOWN_LICENCE and
     * forgotten, and the driver's next application was signed an ACTIVE e-licence of a revoked licence.
     */
    @Test
    void aLicenceSuspendedOrRevokedBeforeItHasAnELicenceStartsSo() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        LicenceTestSupport.TestLicence revoked = support.newDriverLicence(today.plusDays(300));
        authority.command(revoked.licenceNumber(), "REVOKE", AUTHORITY);
        awaitStanding(revoked.licenceNumber(), "REVOKED");
        String application = newId();
        support.photoPassed(application, revoked.residentId());
        assertEquals("LICENCE_REVOKED",
                support.awaitLicenceEvent(application, EventType.LICENCE_REFUSED).get("code").asText());
        String reinstate = authority.command(revoked.licenceNumber(), "REINSTATE", AUTHORITY);
        assertEquals("TRANSITION_NOT_ALLOWED", authority.awaitRejection(reinstate).get("code").asText(),
                "revocation is final before an e-licence too");

        LicenceTestSupport.TestLicence suspended = support.newDriverLicence(today.plusDays(300));
        authority.command(suspended.licenceNumber(), "SUSPEND", AUTHORITY);
        awaitStanding(suspended.licenceNumber(), "SUSPENDED");
        String first = newId();
        support.photoPassed(first, suspended.residentId());
        JsonNode issued = support.awaitLicenceEvent(first, EventType.LICENCE_ISSUED);
        assertEquals("SUSPENDED", issued.get("status").asText());
        String jws = credential(issued, "jws");
        assertEquals("SUSPENDED", verify(jws).getString("outcome"));
        assertEquals(0, support.count("SELECT count(*) FROM licence_standing WHERE licence_number = ?1",
                suspended.licenceNumber()), "the e-licence holds the status from its signing on");
        authority.command(suspended.licenceNumber(), "REINSTATE", AUTHORITY);
        authority.awaitStatusChange(first, "ACTIVE");
        assertEquals("VALID", verify(jws).getString("outcome"));
    }

    private void awaitStanding(String licenceNumber, String status) {
        await().atMost(WAIT).until(() -> support.count("SELECT count(*) FROM licence_standing WHERE licence_number = ?1 "
                + "AND status = '" + status + "'", licenceNumber) == 1);
    }

    @Test
    void aRevokedLicenceIsFinal() throws Exception {
        String applicationId = newId();
        support.photoPassed(applicationId, LIU_YANG);
        String mdoc = credential(support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED), "mso_mdoc");
        authority.command(LIU_YANG_LICENCE, "REVOKE", AUTHORITY);
        authority.awaitStatusChange(applicationId, "REVOKED");
        assertEquals("REVOKED", verify(mdoc).getString("outcome"));

        String reinstate = authority.command(LIU_YANG_LICENCE, "REINSTATE", AUTHORITY);
        assertEquals("TRANSITION_NOT_ALLOWED", authority.awaitRejection(reinstate).get("code").asText());

        String reapplication = newId();
        support.idCardApproved(reapplication, LIU_YANG);
        assertEquals("LICENCE_REVOKED",
                support.awaitLicenceEvent(reapplication, EventType.LICENCE_REFUSED).get("code").asText());
    }

    @Test
    void commandsThatCannotBeObeyedAreRejectedWithTheReason() throws Exception {
        // Not signed at all; signed by one authority in another's name; a regional authority outside its region.
        String unsigned = newId();
        authority.sendUnsigned(HUANG_LI_LICENCE, AuthorityCommands.commandJson(unsigned, HUANG_LI_LICENCE, "SUSPEND",
                AUTHORITY));
        JsonNode rejected = authority.awaitRejection(unsigned);
        assertEquals(List.of(), EventSchemas.violations(EventType.LICENCE_AUTHORITY_COMMAND_REJECTED, rejected));
        assertEquals("AUTHORITY_NOT_AUTHORISED", rejected.get("code").asText());
        assertTrue(rejected.get("reason").asText().contains("not signed"), rejected.toString());
        JsonNode impostor = authority.awaitRejection(authority.commandSignedBy(HUANG_LI_LICENCE, "SUSPEND", AUTHORITY,
                "traffic-police-beijing"));
        assertEquals("AUTHORITY_NOT_AUTHORISED", impostor.get("code").asText());
        assertEquals("traffic-police-beijing", impostor.get("authorityId").asText(), "the signer, not the name typed");
        JsonNode outOfRegion = authority.awaitRejection(authority.command(HUANG_LI_LICENCE, "SUSPEND",
                "traffic-police-beijing"));
        assertEquals("AUTHORITY_NOT_AUTHORISED", outOfRegion.get("code").asText());
        assertTrue(outOfRegion.get("reason").asText().contains("region"), outOfRegion.toString());

        assertEquals("UNKNOWN_LICENCE",
                authority.awaitRejection(authority.command("999999999999", "SUSPEND", AUTHORITY)).get("code").asText());

        String noAction = "{\"commandId\":\"" + newId() + "\",\"licenceNumber\":\"" + HUANG_LI_LICENCE
                + "\",\"action\":\"DELETE\",\"authorityId\":\"" + AUTHORITY + "\",\"reason\":\"x\"}";
        authority.send(HUANG_LI_LICENCE, noAction, AUTHORITY);
        JsonNode malformed = authority.awaitRejection(JSON.readTree(noAction).get("commandId").asText());
        assertEquals("MALFORMED_COMMAND", malformed.get("code").asText());
        assertTrue(malformed.get("reason").asText().contains("action"));

        // Not JSON at all: poison, dead-lettered like every operator's record that is not JSON.
        String marker = newId();
        authority.sendUnsigned(marker, "this is not json " + marker);
        kafka.awaitDeadLetters("license-issuer-service.dlq", marker, 1, WAIT);
    }

    /**
     * A command id is used up only by a command that was checked: a record refused for its signature leaves the id to
     * the operator's corrected command, and another command sent under an id already used is refused, not taken for a
     * redelivery of the first (before 2026-12-07 the unsigned record took the id and the signed one was ignored).
     */
    @Test
    void onlyACheckedCommandUsesUpItsIdAndAnotherCommandUnderItIsRefused() throws Exception {
        var licence = support.newDriverLicence(java.time.LocalDate.now().plusYears(5));
        String applicationId = newId();
        support.idCardApproved(applicationId, licence.residentId());
        support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);

        String commandId = newId();
        String suspend = AuthorityCommands.commandJson(commandId, licence.licenceNumber(), "SUSPEND", AUTHORITY);
        authority.sendUnsigned(licence.licenceNumber(), suspend);
        assertEquals("AUTHORITY_NOT_AUTHORISED", authority.awaitRejection(commandId).get("code").asText());

        authority.send(licence.licenceNumber(), suspend, AUTHORITY);
        authority.awaitStatusChange(applicationId, "SUSPENDED");

        authority.send(licence.licenceNumber(), AuthorityCommands.commandJson(commandId, licence.licenceNumber(),
                "REVOKE", AUTHORITY), AUTHORITY);
        List<ConsumerRecord<String, String>> rejections = kafka.awaitAll(Topics.LICENCE_AUTHORITY_COMMANDS_REJECTED,
                r -> r.value().contains(commandId), 2, LicenceTestSupport.WAIT);
        JsonNode reused = JSON.readTree(rejections.get(1).value());
        assertEquals("MALFORMED_COMMAND", reused.get("code").asText());
        assertTrue(reused.get("reason").asText().contains("fresh commandId"), reused.toString());
        assertEquals(1, support.count("SELECT count(*) FROM e_licence WHERE licence_number = ?1 AND status = "
                + "'SUSPENDED'", licence.licenceNumber()), "the first command under the id stands");
        assertEquals(1, support.eventsWritten(applicationId, EventType.LICENCE_STATUS_CHANGED));
    }
}
