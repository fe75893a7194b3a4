package org.elicence.licence.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.licence.config.LicenceConfig;
import org.elicence.licence.credential.LicenceStatus;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.events.LicenceAuthorityCommand;
import org.elicence.messaging.events.LicenceAuthorityCommandRejected;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Obeys SUSPEND, REVOKE, REINSTATE and RENEW commands typed by operators onto licence-authority-commands (plain
 * JSON, no CloudEvents headers; docs/operator-runbook.md). Each command takes effect once: its commandId is
 * recorded in the inbox table in the same transaction as its effect (a status change and LicenceStatusChanged
 * events, or a renewal and LicenceIssued events; see {@link LicenceRenewal}), so a redelivered or re-typed
 * command does nothing. A command that cannot be obeyed changes nothing and is answered
 * on licence-authority-commands-rejected with the reason; a record without a usable commandId is de-duplicated
 * by its position on the topic instead, so a redelivery is not rejected twice.
 */
@ApplicationScoped
public class AuthorityCommandService {

    static final String CONSUMER = "licence-authority-commands";
    private static final Logger LOG = Logger.getLogger(AuthorityCommandService.class);
    private static final String MARK_PROCESSED_SQL = "INSERT INTO processed_event (consumer, event_id) "
            + "VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING";
    /** Which statuses each action may start from, and the status it leads to. REVOKED leads nowhere: it is final. */
    private static final Map<String, Transition> TRANSITIONS = Map.of(
            LicenceAuthorityCommand.SUSPEND, new Transition(Set.of(LicenceStatus.ACTIVE), LicenceStatus.SUSPENDED),
            LicenceAuthorityCommand.REVOKE, new Transition(Set.of(LicenceStatus.ACTIVE, LicenceStatus.SUSPENDED),
                    LicenceStatus.REVOKED),
            LicenceAuthorityCommand.REINSTATE, new Transition(Set.of(LicenceStatus.SUSPENDED), LicenceStatus.ACTIVE));

    private record Transition(Set<LicenceStatus> from, LicenceStatus to) {
    }

    private final ObjectMapper json;
    private final EntityManager entityManager;
    private final ELicenceStore store;
    private final LicenceRenewal renewal;
    private final Outbox outbox;
    private final LicenceConfig config;
    private final Clock clock;

    @Inject
    public AuthorityCommandService(ObjectMapper json, EntityManager entityManager, ELicenceStore store,
            LicenceRenewal renewal, Outbox outbox, LicenceConfig config, Clock clock) {
        this.json = json;
        this.entityManager = entityManager;
        this.store = store;
        this.renewal = renewal;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public void handle(ConsumerRecord<String, String> record) {
        Optional<LicenceAuthorityCommand> command = parse(record);
        String dedupId = command.map(LicenceAuthorityCommand::commandId)
                .orElse("record:" + record.partition() + "@" + record.offset());
        QuarkusTransaction.requiringNew().run(() -> {
            if (!markProcessed(dedupId)) {
                LOG.infof("authority command %s already processed, skipped", dedupId);
                return;
            }
            if (command.isEmpty()) {
                reject(record, null, LicenceAuthorityCommandRejected.MALFORMED_COMMAND, malformedReason(record));
            } else {
                apply(record, command.get());
            }
        });
    }

    private void apply(ConsumerRecord<String, String> record, LicenceAuthorityCommand command) {
        if (!config.authority().authorisedIds().contains(command.authorityId())) {
            reject(record, command, LicenceAuthorityCommandRejected.AUTHORITY_NOT_AUTHORISED,
                    "authority " + command.authorityId() + " is not on the list of authorities allowed to change licences");
            return;
        }
        store.lockLicence(command.licenceNumber());
        Optional<ELicence> current = ELicence.findCurrent(command.licenceNumber());
        if (current.isEmpty()) {
            reject(record, command, LicenceAuthorityCommandRejected.UNKNOWN_LICENCE,
                    "no e-licence has been issued for licence " + command.licenceNumber());
            return;
        }
        ELicence eLicence = current.get();
        if (LicenceAuthorityCommand.RENEW.equals(command.action())) {
            renewal.renew(eLicence, command).ifPresent(refusal ->
                    reject(record, command, LicenceAuthorityCommandRejected.TRANSITION_NOT_ALLOWED, refusal));
            return;
        }
        Transition transition = TRANSITIONS.get(command.action());
        if (!transition.from().contains(eLicence.status)) {
            reject(record, command, LicenceAuthorityCommandRejected.TRANSITION_NOT_ALLOWED, "licence "
                    + command.licenceNumber() + " is " + eLicence.status + "; " + command.action() + " applies only to "
                    + transition.from() + (eLicence.status == LicenceStatus.REVOKED ? " (revocation is final)" : ""));
            return;
        }
        eLicence.status = transition.to();
        eLicence.statusReason = command.reason();
        eLicence.statusChangedAt = clock.instant();
        for (UUID applicationId : LicenceDecision.applicationsHolding(eLicence.id)) {
            outbox.publish(applicationId.toString(), LicenceEvents.statusChanged(applicationId.toString(), eLicence));
        }
        LOG.infof("authority command %s: licence %s is now %s (by %s)", command.commandId(), command.licenceNumber(),
                eLicence.status, command.authorityId());
    }

    private void reject(ConsumerRecord<String, String> record, LicenceAuthorityCommand command, String code,
            String reason) {
        String commandId = command == null ? textField(record, "commandId") : command.commandId();
        String licenceNumber = command == null ? textField(record, "licenceNumber") : command.licenceNumber();
        String authorityId = command == null ? textField(record, "authorityId") : command.authorityId();
        var rejected = new LicenceAuthorityCommandRejected(commandId, licenceNumber, authorityId, code, reason,
                record.value() == null ? "" : record.value(), record.partition(), record.offset(), clock.instant());
        String key = licenceNumber != null ? licenceNumber : commandId != null ? commandId : "malformed";
        outbox.publish(key, rejected);
        LOG.warnf("authority command at %s/%d@%d rejected: %s", record.topic(), record.partition(), record.offset(), code);
    }

    private Optional<LicenceAuthorityCommand> parse(ConsumerRecord<String, String> record) {
        Optional<JsonNode> tree = tree(record);
        if (tree.isEmpty() || !EventSchemas.violations(EventType.LICENCE_AUTHORITY_COMMAND, tree.get()).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.treeToValue(tree.get(), LicenceAuthorityCommand.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private String malformedReason(ConsumerRecord<String, String> record) {
        Optional<JsonNode> tree = tree(record);
        if (tree.isEmpty()) {
            return "the record is not a JSON object";
        }
        List<String> violations = EventSchemas.violations(EventType.LICENCE_AUTHORITY_COMMAND, tree.get());
        return "the command violates " + EventType.LICENCE_AUTHORITY_COMMAND.type() + ": " + String.join("; ", violations);
    }

    private Optional<JsonNode> tree(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(record.value());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    // Echoes an identifying field of a malformed command back to the operator, within the rejection schema's limits.
    private String textField(ConsumerRecord<String, String> record, String name) {
        return tree(record).map(node -> node.get(name))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .filter(text -> !text.isEmpty() && text.length() <= 200)
                .orElse(null);
    }

    private boolean markProcessed(String id) {
        return entityManager.createNativeQuery(MARK_PROCESSED_SQL)
                .setParameter("consumer", CONSUMER)
                .setParameter("eventId", id)
                .executeUpdate() == 1;
    }
}
