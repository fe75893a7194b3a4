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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Authority commands typed as plain JSON onto licence-authority-commands, as an operator would with kcat. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class AuthorityCommandTest extends LicenceServiceTestBase {

    private static final String AUTHORITY = "traffic-police-beijing";

    @Test
    void suspendReinstateAndRevokeShowInVerificationAtOnce() throws Exception {
        String applicationId = newId();
        support.photoPassed(applicationId, HUANG_LI);
        String jws = credential(support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED), "jws");
        assertEquals("VALID", verify(jws).getString("outcome"));

        String suspend = commandJson(newId(), HUANG_LI_LICENCE, "SUSPEND", AUTHORITY);
        send(HUANG_LI_LICENCE, suspend);
        JsonNode changed = awaitStatusChange(applicationId, "SUSPENDED");
        assertEquals(List.of(), EventSchemas.violations(EventType.LICENCE_STATUS_CHANGED, changed));
        assertEquals("SUSPENDED", verify(jws).getString("outcome"));

        // The same command again (same commandId) is a redelivery: no second change, no rejection.
        send(HUANG_LI_LICENCE, suspend);
        command(HUANG_LI_LICENCE, "REINSTATE", AUTHORITY);
        awaitStatusChange(applicationId, "ACTIVE");
        assertEquals("VALID", verify(jws).getString("outcome"));
        assertEquals(2, support.eventsWritten(applicationId, EventType.LICENCE_STATUS_CHANGED),
                "one SUSPENDED and one ACTIVE change");

        command(HUANG_LI_LICENCE, "REVOKE", AUTHORITY);
        awaitStatusChange(applicationId, "REVOKED");
        assertEquals("REVOKED", verify(jws).getString("outcome"));
        assertEquals("REVOKED", verify(jws).getString("reasonCode"));
    }

    @Test
    void aRevokedLicenceIsFinal() throws Exception {
        String applicationId = newId();
        support.photoPassed(applicationId, LIU_YANG);
        String mdoc = credential(support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED), "mso_mdoc");
        command(LIU_YANG_LICENCE, "REVOKE", AUTHORITY);
        awaitStatusChange(applicationId, "REVOKED");
        assertEquals("REVOKED", verify(mdoc).getString("outcome"));

        String reinstate = command(LIU_YANG_LICENCE, "REINSTATE", AUTHORITY);
        assertEquals("TRANSITION_NOT_ALLOWED", awaitRejection(reinstate).get("code").asText());

        String reapplication = newId();
        support.idCardApproved(reapplication, LIU_YANG);
        assertEquals("LICENCE_REVOKED",
                support.awaitLicenceEvent(reapplication, EventType.LICENCE_REFUSED).get("code").asText());
    }

    @Test
    void commandsThatCannotBeObeyedAreRejectedWithTheReason() throws Exception {
        String stranger = command(HUANG_LI_LICENCE, "SUSPEND", "someone-else");
        JsonNode rejected = awaitRejection(stranger);
        assertEquals(List.of(), EventSchemas.violations(EventType.LICENCE_AUTHORITY_COMMAND_REJECTED, rejected));
        assertEquals("AUTHORITY_NOT_AUTHORISED", rejected.get("code").asText());

        assertEquals("UNKNOWN_LICENCE", awaitRejection(command("999999999999", "SUSPEND", AUTHORITY)).get("code").asText());

        String noAction = "{\"commandId\":\"" + newId() + "\",\"licenceNumber\":\"" + HUANG_LI_LICENCE
                + "\",\"action\":\"DELETE\",\"authorityId\":\"" + AUTHORITY + "\",\"reason\":\"x\"}";
        send(HUANG_LI_LICENCE, noAction);
        JsonNode malformed = awaitRejection(JSON.readTree(noAction).get("commandId").asText());
        assertEquals("MALFORMED_COMMAND", malformed.get("code").asText());
        assertTrue(malformed.get("reason").asText().contains("action"));

        String marker = newId();
        send(null, "this is not json " + marker);
        ConsumerRecord<String, String> notJson = kafka.await(Topics.LICENCE_AUTHORITY_COMMANDS_REJECTED,
                r -> r.value().contains(marker), WAIT);
        assertEquals("MALFORMED_COMMAND", JSON.readTree(notJson.value()).get("code").asText());
        assertEquals(EventType.LICENCE_AUTHORITY_COMMAND_REJECTED.type(), KafkaTestClient.header(notJson, "ce_type"));
    }

    private String command(String licenceNumber, String action, String authorityId) {
        String commandId = newId();
        send(licenceNumber, commandJson(commandId, licenceNumber, action, authorityId));
        return commandId;
    }

    private static String commandJson(String commandId, String licenceNumber, String action, String authorityId) {
        return JSON.createObjectNode().put("commandId", commandId).put("licenceNumber", licenceNumber)
                .put("action", action).put("authorityId", authorityId).put("reason", "测试 test " + action).toString();
    }

    /** Keyed by licence number, as the runbook asks, so commands on one licence are read in order. */
    private static void send(String licenceNumber, String value) {
        kafka.publishRaw(Topics.LICENCE_AUTHORITY_COMMANDS, licenceNumber, value, Map.of());
    }

    private static JsonNode awaitStatusChange(String applicationId, String status) throws Exception {
        ConsumerRecord<String, String> record = kafka.await(Topics.LICENCE_EVENTS, r -> applicationId.equals(r.key())
                && EventType.LICENCE_STATUS_CHANGED.type().equals(KafkaTestClient.header(r, "ce_type"))
                && r.value().contains("\"status\":\"" + status + "\""), WAIT);
        return JSON.readTree(record.value());
    }

    private static JsonNode awaitRejection(String commandId) throws Exception {
        return JSON.readTree(kafka.await(Topics.LICENCE_AUTHORITY_COMMANDS_REJECTED,
                r -> r.value().contains(commandId), WAIT).value());
    }
}
