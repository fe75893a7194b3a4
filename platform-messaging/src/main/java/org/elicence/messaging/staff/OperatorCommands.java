package org.elicence.messaging.staff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.messaging.MessagingConfig;
import org.elicence.messaging.inbox.BoundedRetry;
import org.elicence.messaging.inbox.DatabaseProbe;
import org.elicence.messaging.inbox.InFlightRecords;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.TransactionRunnerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The one handler of operators' commands typed with kcat (ID-card and photo review decisions, licence authority
 * commands), so they are read, de-duplicated, checked, authorised and refused the same way everywhere:
 * <ol>
 * <li>a record without a value or not JSON is poison: dead-lettered, never retried ({@link StaffRecord});</li>
 * <li>a record that violates its schema is refused as malformed;</li>
 * <li>its sender is the principal whose certificate signed it ({@link OperatorSignature}), never the JSON: an
 * unsigned record, a bad signature, a body naming another operator than its signer, or a signer not on the
 * command's list of operators is refused as not authorised;</li>
 * <li>it is handled once, in the transaction of its effect or refusal: a command that passed those checks claims
 * its id in {@code operator_command} with the SHA-256 of its value, so a redelivery or a re-sent command does
 * nothing, and the same id with another value is refused (the operator is told to use a fresh id) instead of
 * passing for a redelivery; a record refused by those checks claims only its {@code partition/offset}, so it does
 * not use up the id its sender then sends the corrected command under;</li>
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
    private static final JsonMapper CANONICAL_JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
    private static final String CLAIM_SQL = "INSERT INTO operator_command (consumer, command_key, source_partition, "
            + "source_offset, received_at, outcome, value_sha256) VALUES (:consumer, :key, :partition, :offset, now(), "
            + "'PENDING', :sha256) ON CONFLICT DO NOTHING";
    private static final String OUTCOME_SQL = "UPDATE operator_command SET outcome = :outcome, operator = :operator, "
            + "refusal_code = :code WHERE consumer = :consumer AND command_key = :key";

    private final ObjectMapper objectMapper;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Optional<X509Certificate> trustedCa;
    private final InFlightRecords inFlight;
    private final MessagingConfig.Consumer retries;
    private final DatabaseProbe database;

    @Inject
    public OperatorCommands(ObjectMapper objectMapper, EntityManager entityManager, MessagingConfig config,
            InFlightRecords inFlight, DatabaseProbe database) {
        this.objectMapper = objectMapper;
        this.entityManager = entityManager;
        this.inFlight = inFlight;
        this.clock = Clock.systemUTC();
        this.trustedCa = config.operators().trust().map(OperatorCommands::readCertificate);
        this.retries = config.consumer();
        this.database = database;
    }

    /** Handles one record in a transaction of its own; the services' {@code @Incoming} methods call it. */
    public <C> void handle(ConsumerRecord<String, String> record, OperatorCommandType<C> type) {
        try (InFlightRecords.Handling handling = inFlight.start(record)) {
            // a failure that may pass (the database restarting) is retried as events are: a REVOKE that met a
            // restart would otherwise go to the dead letters, where the authority that sent it cannot look
            String what = "record " + record.partition() + "/" + record.offset();
            BoundedRetry.run(retries, type.kind().topic(), what, () -> handleOnce(record, type), database::reachable,
                    (attempts, failure) -> new IllegalStateException(type.kind().topic() + " " + what + " failed after "
                            + attempts + " attempts: " + failure.getClass().getSimpleName(), failure));
        }
    }

    private <C> void handleOnce(ConsumerRecord<String, String> record, OperatorCommandType<C> type) {
        OperatorCommandKind<C> kind = type.kind();
        StaffRecord typed = StaffRecord.read(record, objectMapper, kind.type().type());
        TransactionRunnerOptions transaction = QuarkusTransaction.requiringNew();
        if (type.transactionTimeout().isPresent()) {
            transaction = transaction.timeout((int) type.transactionTimeout().get().toSeconds());
        }
        transaction.run(() -> {
            String id = typed.dedupKey(kind.idField());
            String sha256 = sha256(typed);
            if (claimedAs(kind.topic(), id, sha256) || claimedAs(kind.topic(), typed.recordKey(), sha256)) {
                // checked before the signature: an applied command redelivered after its signer's certificate
                // expired is still the command that was applied
                LOG.infof("%s record %s was already handled, ignoring the redelivery", kind.topic(), id);
                return;
            }
            OperatorSignature.Verified sender = OperatorSignature.verify(record, trustedCa, clock.instant());
            String operator = sender.principal().orElse(null);
            Optional<Refusal> refusal = check(typed, type, sender);
            String claimed = refusal.isPresent() ? typed.recordKey() : id;
            if (!claim(kind.topic(), claimed, record, sha256)) {
                if (claimedAs(kind.topic(), claimed, sha256)) {
                    // the same record or command, whose other delivery committed while this one was checked
                    LOG.infof("%s record %s was already handled, ignoring the redelivery", kind.topic(), claimed);
                    return;
                }
                // the same id with another command: refused (once per record), the command that claimed it first stands
                refusal = Optional.of(new Refusal(kind.malformedCode(), kind.idField() + " " + id + " was used before "
                        + "for another " + kind.type().type() + ": send this one again with a fresh " + kind.idField()));
                claimed = typed.recordKey();
                if (!claim(kind.topic(), claimed, record, sha256)) {
                    return; // this very record, refused by a delivery that committed meanwhile
                }
            } else if (refusal.isEmpty()) {
                refusal = type.apply(typed.as(kind.payload(), objectMapper), typed.claimedAs(claimed), operator);
            }
            Optional<Refusal> refused = refusal;
            String key = claimed;
            StaffRecord handled = typed.claimedAs(claimed);
            refused.ifPresent(r -> type.refuse(handled, operator, r));
            entityManager.createNativeQuery(OUTCOME_SQL)
                    .setParameter("outcome", refused.isPresent() ? "REFUSED" : "APPLIED")
                    .setParameter("operator", operator)
                    .setParameter("code", refused.map(Refusal::code).orElse(null))
                    .setParameter("consumer", kind.topic()).setParameter("key", key)
                    .executeUpdate();
            refused.ifPresent(r -> LOG.warnf("%s record %s refused: %s", kind.topic(), key, r.code()));
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

    private boolean claim(String consumer, String key, ConsumerRecord<String, String> record, String sha256) {
        return entityManager.createNativeQuery(CLAIM_SQL)
                .setParameter("consumer", consumer).setParameter("key", key)
                .setParameter("partition", record.partition()).setParameter("offset", record.offset())
                .setParameter("sha256", sha256).executeUpdate() == 1;
    }

    /**
     * Whether the key was claimed by a record of this value (a redelivery, or the same command sent again). A row
     * claimed before V1_5 has no digest: any value counts as the same, as it did then.
     */
    private boolean claimedAs(String consumer, String key, String sha256) {
        @SuppressWarnings("unchecked")
        List<String> found = entityManager.createNativeQuery("SELECT coalesce(value_sha256, :sha256) FROM "
                + "operator_command WHERE consumer = :consumer AND command_key = :key").setParameter("consumer", consumer)
                .setParameter("key", key).setParameter("sha256", sha256).getResultList();
        return !found.isEmpty() && found.get(0).equals(sha256);
    }

    /**
     * The digest of what the record says: its JSON with the properties sorted and no whitespace, so the same command
     * typed again with its fields in another order or spaced otherwise is the same command.
     */
    private static String sha256(StaffRecord typed) {
        try {
            byte[] canonical = CANONICAL_JSON.writeValueAsBytes(typed.json());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed record could not be written again", e);
        }
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
