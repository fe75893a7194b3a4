package org.elicence.licence;

import static org.elicence.licence.LicenceTestSupport.JSON;
import static org.elicence.licence.LicenceTestSupport.WAIT;
import static org.elicence.licence.LicenceTestSupport.newId;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.infra.KafkaTestClient;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;

/**
 * Plays an issuing authority's operator: commands as plain JSON onto licence-authority-commands, signed with the
 * authority's certificate as the runbook's kcat block signs them.
 */
final class AuthorityCommands {

    /** The national authority: it may act on every licence (licence.authority.regions). */
    static final String AUTHORITY = "traffic-police-hq";

    private final KafkaTestClient kafka;

    AuthorityCommands(KafkaTestClient kafka) {
        this.kafka = kafka;
    }

    /** Sends a command with a fresh commandId, signed by the authority it names; returns the id. */
    String command(String licenceNumber, String action, String authorityId) {
        return commandSignedBy(licenceNumber, action, authorityId, authorityId);
    }

    /** A command naming {@code authorityId}, signed by {@code signer}; returns its id. */
    String commandSignedBy(String licenceNumber, String action, String authorityId, String signer) {
        String commandId = newId();
        send(licenceNumber, commandJson(commandId, licenceNumber, action, authorityId), signer);
        return commandId;
    }

    static String commandJson(String commandId, String licenceNumber, String action, String authorityId) {
        return JSON.createObjectNode().put("commandId", commandId).put("licenceNumber", licenceNumber)
                .put("action", action).put("authorityId", authorityId).put("reason", "测试 test " + action).toString();
    }

    /** Keyed by licence number, as the runbook asks, so commands on one licence are read in order. */
    void send(String licenceNumber, String value, String signer) {
        kafka.publishAsOperator(Topics.LICENCE_AUTHORITY_COMMANDS, licenceNumber, value, signer);
    }

    /** A record no authority signed. */
    void sendUnsigned(String licenceNumber, String value) {
        kafka.publishRaw(Topics.LICENCE_AUTHORITY_COMMANDS, licenceNumber, value, Map.of());
    }

    JsonNode awaitStatusChange(String applicationId, String status) throws IOException {
        ConsumerRecord<String, String> record = kafka.await(Topics.LICENCE_EVENTS, r -> applicationId.equals(r.key())
                && EventType.LICENCE_STATUS_CHANGED.type().equals(KafkaTestClient.header(r, "ce_type"))
                && r.value().contains("\"status\":\"" + status + "\""), WAIT);
        return JSON.readTree(record.value());
    }

    JsonNode awaitRejection(String commandId) throws IOException {
        return JSON.readTree(kafka.await(Topics.LICENCE_AUTHORITY_COMMANDS_REJECTED,
                r -> r.value().contains(commandId), WAIT).value());
    }

    /** The first {@code count} LicenceIssued events of the application, oldest first (one partition per key). */
    List<JsonNode> awaitLicencesIssued(String applicationId, int count) throws IOException {
        List<JsonNode> issued = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> record : kafka.awaitAll(Topics.LICENCE_EVENTS, r -> applicationId.equals(r.key())
                && EventType.LICENCE_ISSUED.type().equals(KafkaTestClient.header(r, "ce_type")), count, WAIT)) {
            issued.add(JSON.readTree(record.value()));
        }
        return issued;
    }
}
