package org.elicence.messaging.staff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.messaging.MessagingConfig;
import org.elicence.messaging.inbox.BoundedRetry;
import org.elicence.messaging.inbox.InFlightRecords;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The one handler of operators' commands typed with kcat (ID-card and photo review decisions, licence authority
 * commands), so they are read, de-duplicated, checked, authorised and refused the same way everywhere:
 * <ol>
 * <li>a record without a value or not JSON is poison: dead-lettered, never retried ({@link StaffRecord});</li>
 * <li>it is handled once: its id (or {@code partition/offset}) is claimed in {@code operator_command} in the
 * transaction of its effect or refusal, so a redelivery or a re-sent command does nothing;</li>
 * <li>a record that violates its schema is refused as malformed;</li>
 * <li>its sender is the principal whose certificate signed it ({@link OperatorSignature}), never the JSON: an
 * unsigned record, a bad signature, a body naming another operator than its signer, or a signer not on the
 * command's list of operators is refused as not authorised;</li>
 * <li>then the service applies it, or refuses it for its own reasons (unknown case, transition not allowed…).</li>
 * </ol>
 * Every refusal goes to the command's {@code -rejected} topic with its code and reason, and changes nothing else. A
 * failure that may pass (the database restarting) is retried as an event's is ({@link BoundedRetry}).
 * While a record is handled it counts as in flight ({@link InFlightRecords}), so a handler that hangs is seen by
 * the liveness check as for any other consumer.
 */
@ApplicationScoped
public class OperatorCommands {

    private static final Logger LOG = Logger.getLogger(OperatorCommands.class);
    private static final String CLAIM_SQL = "INSERT INTO operator_command (consumer, command_key, source_partition, "
            + "source_offset, received_at, outcome) VALUES (:consumer, :key, :partition, :offset, now(), 'PENDING') "
            + "ON CONFLICT DO NOTHING";
    private static final String OUTCOME_SQL = "UPDATE operator_command SET outcome = :outcome, operator = :operator, "
            + "refusal_code = :code WHERE consumer = :consumer AND command_key = :key";

    private final ObjectMapper objectMapper;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Optional<X509Certificate> trustedCa;
    private final InFlightRecords inFlight;
    private final MessagingConfig.Consumer retries;

    @Inject
    public OperatorCommands(ObjectMapper objectMapper, EntityManager entityManager, MessagingConfig config,
            InFlightRecords inFlight) {
        this.objectMapper = objectMapper;
        this.entityManager = entityManager;
        this.inFlight = inFlight;
        this.clock = Clock.systemUTC();
        this.trustedCa = config.operators().trust().map(OperatorCommands::readCertificate);
        this.retries = config.consumer();
    }

    /** Handles one record in a transaction of its own; the services' {@code @Incoming} methods call it. */
    public <C> void handle(ConsumerRecord<String, String> record, OperatorCommandType<C> type) {
        try (InFlightRecords.Handling handling = inFlight.start(record)) {
            // a failure that may pass (the database restarting) is retried as events are: a REVOKE that met a
            // restart would otherwise go to the dead letters, where the authority that sent it cannot look
            String what = "record " + record.partition() + "/" + record.offset();
            BoundedRetry.run(retries, type.kind().topic(), what, () -> handleOnce(record, type),
                    (attempts, failure) -> new IllegalStateException(type.kind().topic() + " " + what + " failed after "
                            + attempts + " attempts: " + failure.getClass().getSimpleName(), failure));
        }
    }

    private <C> void handleOnce(ConsumerRecord<String, String> record, OperatorCommandType<C> type) {
        OperatorCommandKind<C> kind = type.kind();
        StaffRecord typed = StaffRecord.read(record, objectMapper, kind.type().type());
        String key = typed.dedupKey(kind.idField());
        QuarkusTransaction.requiringNew().run(() -> {
            if (!claim(kind.topic(), key, record)) {
                LOG.infof("%s record %s was already handled, ignoring the redelivery", kind.topic(), key);
                return;
            }
            OperatorSignature.Verified sender = OperatorSignature.verify(record, trustedCa, clock.instant());
            String operator = sender.principal().orElse(null);
            Optional<Refusal> refusal = check(typed, type, sender);
            if (refusal.isEmpty()) {
                refusal = type.apply(typed.as(kind.payload(), objectMapper), typed, operator);
            }
            refusal.ifPresent(r -> type.refuse(typed, operator, r));
            entityManager.createNativeQuery(OUTCOME_SQL)
                    .setParameter("outcome", refusal.isPresent() ? "REFUSED" : "APPLIED")
                    .setParameter("operator", operator)
                    .setParameter("code", refusal.map(Refusal::code).orElse(null))
                    .setParameter("consumer", kind.topic()).setParameter("key", key)
                    .executeUpdate();
            refusal.ifPresent(r -> LOG.warnf("%s record %s refused: %s", kind.topic(), key, r.code()));
        });
    }

    private <C> Optional<Refusal> check(StaffRecord typed, OperatorCommandType<C> type,
            OperatorSignature.Verified sender) {
        OperatorCommandKind<C> kind = type.kind();
        List<String> violations = typed.violations(kind.type());
        if (!violations.isEmpty()) {
            return Optional.of(new Refusal(kind.malformedCode(), "the record does not match its schema "
                    + "(docs/operator-runbook.md): " + String.join("; ", violations)));
        }
        if (sender.principal().isEmpty()) {
            return Optional.of(new Refusal(kind.notAuthorisedCode(), sender.failure()));
        }
        String signer = sender.principal().get();
        String named = typed.text(kind.operatorField());
        if (!signer.equals(named)) {
            return Optional.of(new Refusal(kind.notAuthorisedCode(), "the record names " + kind.operatorField() + " "
                    + named + " but was signed by " + signer));
        }
        if (!type.authorisedOperators().contains(signer)) {
            return Optional.of(new Refusal(kind.notAuthorisedCode(), signer + " is not on the list of operators "
                    + "allowed to send " + kind.type().type()));
        }
        return Optional.empty();
    }

    private boolean claim(String consumer, String key, ConsumerRecord<String, String> record) {
        return entityManager.createNativeQuery(CLAIM_SQL)
                .setParameter("consumer", consumer).setParameter("key", key)
                .setParameter("partition", record.partition()).setParameter("offset", record.offset())
                .executeUpdate() == 1;
    }

    private static X509Certificate readCertificate(String path) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operators' CA certificate " + path, e);
        } catch (CertificateException e) {
            throw new IllegalStateException("not an X.509 certificate: " + path, e);
        }
    }
}
