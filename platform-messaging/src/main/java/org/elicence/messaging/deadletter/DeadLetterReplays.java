package org.elicence.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.Config;
import org.elicence.messaging.BoundedText;
import org.elicence.messaging.CloudEventHeaders;
import org.elicence.messaging.MessagingConfig;
import org.elicence.messaging.events.DeadLetterReplay;
import org.elicence.messaging.events.DeadLetterReplayOutcome;
import org.elicence.messaging.outbox.Outbox;
import org.elicence.messaging.staff.OperatorCommandKind;
import org.elicence.messaging.staff.OperatorCommandType;
import org.elicence.messaging.staff.Refusal;
import org.elicence.messaging.staff.StaffRecord;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * An operator's order that this service handle one of its own dead letters again ({@link DeadLetterReplay}, read
 * through {@link org.elicence.messaging.staff.OperatorCommands}: signed, authorised, once per {@code replayId}). The
 * service reads the dead letter from its {@code <service>.dlq} itself and hands it, with its original topic, key and
 * headers, to the consumer of the topic it came from ({@link ReplayableChannels}), which handles it as any delivery:
 * de-duplicated by event id, retried, its effect and the id in one transaction. Before, a replay was written back to
 * the original topic with the credentials of that topic's writer, which on Kubernetes only the writer's pods hold.
 * The outcome is answered on {@code dead-letter-replay-outcomes}; a failed replay leaves the dead letter as it was.
 * The consumer's handling runs in transactions of its own while the order's is suspended, one at a time with the live
 * channel's for the same key ({@link org.elicence.messaging.inbox.InboundEventProcessor}); the order's transaction
 * may last as long as a handler may ({@link #transactionTimeout()}), and should it still fail to commit, the order is
 * handled again and the event, handled already, is skipped.
 */
@ApplicationScoped
public class DeadLetterReplays implements OperatorCommandType<DeadLetterReplay> {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplays.class);
    private static final String INCOMING = "mp.messaging.incoming.";
    private static final String DEAD_LETTER_HEADERS = "dead-letter-";
    private static final int MAX_REASON = 1_000;

    private final String service;
    private final String deadLetterTopic;
    private final Set<String> replayers;
    private final DeadLetterReader reader;
    private final Outbox outbox;
    private final Instance<ReplayableChannels> consumers;
    private final Config config;
    private final Duration transactionTimeout;
    private final Clock clock = Clock.systemUTC();
    private volatile Map<String, Consumer<ConsumerRecord<String, String>>> handlerByTopic;

    @Inject
    public DeadLetterReplays(MessagingConfig messaging, DeadLetterReader reader, Outbox outbox,
            Instance<ReplayableChannels> consumers, Config config) {
        this.service = messaging.source();
        this.deadLetterTopic = messaging.source() + ".dlq";
        this.replayers = Set.copyOf(messaging.operators().deadLetterReplayers());
        this.transactionTimeout = messaging.consumer().stallTimeout().plusMinutes(1);
        this.reader = reader;
        this.outbox = outbox;
        this.consumers = consumers;
        this.config = config;
    }

    /** The service it serves: a replay keyed for another service is that one's. */
    public String service() {
        return service;
    }

    /** Every channel that dead-letters must have a handler a replay can reach, or the service does not start. */
    void checkEveryDeadLetteringChannelIsReplayable(@Observes StartupEvent start) {
        Set<String> missing = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(INCOMING) && property.endsWith(".failure-strategy")
                    && "dead-letter-queue".equals(config.getOptionalValue(property, String.class).orElse(""))) {
                String channel = property.substring(INCOMING.length(),
                        property.length() - ".failure-strategy".length());
                if (!channel.equals(DeadLetterReplayConsumer.CHANNEL) && !handlers().containsKey(topicOf(channel))) {
                    missing.add(channel);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("channels " + missing + " dead-letter their records, but no "
                    + ReplayableChannels.class.getSimpleName() + " bean names them: their dead letters could not be "
                    + "handled again");
        }
    }

    /**
     * The replay runs in the order's transaction (suspended while the consumer's own transactions run): as long as a
     * handler may take before the stall check restarts the service, and a little more.
     */
    @Override
    public Optional<Duration> transactionTimeout() {
        return Optional.of(transactionTimeout);
    }

    @Override
    public OperatorCommandKind<DeadLetterReplay> kind() {
        return OperatorCommandKind.DEAD_LETTER_REPLAY;
    }

    @Override
    public Set<String> authorisedOperators() {
        return replayers;
    }

    @Override
    public Optional<Refusal> apply(DeadLetterReplay replay, StaffRecord record, String operator) {
        if (!service.equals(replay.service())) {
            return refusal(DeadLetterReplayOutcome.MALFORMED_REPLAY, "the replay names service " + replay.service()
                    + " but was keyed " + record.key() + ": key it by the service whose dead letter it is");
        }
        Optional<ConsumerRecord<String, String>> found;
        try {
            found = reader.read(deadLetterTopic, replay.partition(), replay.offset());
        } catch (RuntimeException unread) {
            LOG.warnf("%s: dead letter %d/%d could not be read: %s", service, replay.partition(), replay.offset(),
                    unread.getClass().getSimpleName());
            return refusal(DeadLetterReplayOutcome.DEAD_LETTER_UNREADABLE, deadLetterTopic + " could not be read: "
                    + BoundedText.cut(String.valueOf(unread.getMessage()), MAX_REASON) + " (send the replay again)");
        }
        if (found.isEmpty()) {
            return refusal(DeadLetterReplayOutcome.NO_SUCH_DEAD_LETTER, "there is no record at partition "
                    + replay.partition() + " offset " + replay.offset() + " of " + deadLetterTopic
                    + " (list them with the runbook's dlq-list)");
        }
        ConsumerRecord<String, String> deadLetter = found.get();
        Optional<String> from = onlyHeader(deadLetter, "dead-letter-topic");
        Consumer<ConsumerRecord<String, String>> handler = from.map(handlers()::get).orElse(null);
        if (handler == null) {
            return refusal(DeadLetterReplayOutcome.NOT_REPLAYABLE, from.map(topic -> "it came from " + topic
                    + ", which " + service + " does not replay").orElse("it does not say which topic it came from in "
                            + "one dead-letter-topic header (a record that brought one of its own is never replayed)"));
        }
        ConsumerRecord<String, String> original = asDelivered(deadLetter, from.get());
        Optional<String> eventType = CloudEventHeaders.lastValue(deadLetter.headers(), CloudEventHeaders.TYPE);
        try {
            handler.accept(original);
        } catch (RuntimeException | Error failed) {
            LOG.warnf("%s: the replay of dead letter %d/%d failed again: %s", service, replay.partition(),
                    replay.offset(), failed.getClass().getSimpleName());
            return refusal(DeadLetterReplayOutcome.REPLAY_FAILED, "handled again, it failed again: "
                    + BoundedText.cut(String.valueOf(failed.getMessage()), MAX_REASON)
                    + " (the dead letter is left as it was: fix the cause, then replay it under a fresh replayId)");
        }
        LOG.infof("%s: dead letter %d/%d replayed to its consumer of %s, ordered by %s", service, replay.partition(),
                replay.offset(), from.get(), operator);
        outbox.publish(service, new DeadLetterReplayOutcome(replay.replayId(), service, operator,
                DeadLetterReplayOutcome.REPLAYED, null, null, deadLetterTopic, replay.partition(), replay.offset(),
                from.get(), eventType.map(type -> BoundedText.cut(type, 200)).orElse(null), null,
                record.partition(), record.offset(), clock.instant()));
        return Optional.empty();
    }

    @Override
    public void refuse(StaffRecord record, String operator, Refusal refusal) {
        Integer partition = record.json().path("partition").canConvertToInt()
                ? record.json().path("partition").asInt() : null;
        Long offset = record.json().path("offset").canConvertToLong() && record.json().path("offset").asLong() >= 0
                ? record.json().path("offset").asLong() : null;
        if (partition != null && partition < 0) {
            partition = null;
        }
        outbox.publish(service, new DeadLetterReplayOutcome(record.text("replayId"), service,
                operator != null ? operator : record.text("operatorId"), DeadLetterReplayOutcome.REFUSED,
                refusal.code(), refusal.reason(), deadLetterTopic, partition, offset, null, null, record.keptValue(),
                record.partition(), record.offset(), clock.instant()));
    }

    private static Optional<Refusal> refusal(String code, String reason) {
        return Optional.of(new Refusal(code, reason));
    }

    /**
     * The dead letter as its consumer first received it: its topic, partition and offset there (from the reason
     * headers), its key, value and own headers; the {@code dead-letter-*} headers are left out.
     */
    private static ConsumerRecord<String, String> asDelivered(ConsumerRecord<String, String> deadLetter, String topic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                headers.add(header);
            }
        }
        long partition = onlyHeader(deadLetter, "dead-letter-partition").map(DeadLetterReplays::parseOrZero).orElse(0L);
        long offset = onlyHeader(deadLetter, "dead-letter-offset").map(DeadLetterReplays::parseOrZero).orElse(0L);
        return new ConsumerRecord<>(topic, partition > Integer.MAX_VALUE ? 0 : (int) partition, offset,
                deadLetter.timestamp(), deadLetter.timestampType(),
                deadLetter.serializedKeySize(), deadLetter.serializedValueSize(), deadLetter.key(),
                deadLetter.value(), headers, Optional.empty());
    }

    /**
     * The header when the record holds exactly one of that name. SmallRye adds its {@code dead-letter-*} headers and
     * then copies the record's own: a producer that wrote a {@code dead-letter-topic} of its own into a record it
     * meant to be dead-lettered would otherwise choose which consumer a replay hands it to, past the topic check
     * that keeps each topic to its writer.
     */
    private static Optional<String> onlyHeader(ConsumerRecord<String, String> record, String name) {
        java.util.Iterator<Header> headers = record.headers().headers(name).iterator();
        if (!headers.hasNext()) {
            return Optional.empty();
        }
        Header header = headers.next();
        return headers.hasNext() || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static long parseOrZero(String text) {
        try {
            return Math.max(0, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Topic to handler, from every {@link ReplayableChannels} bean and each channel's configured topic. */
    private Map<String, Consumer<ConsumerRecord<String, String>>> handlers() {
        Map<String, Consumer<ConsumerRecord<String, String>>> known = handlerByTopic;
        if (known == null) {
            known = new HashMap<>();
            for (ReplayableChannels consumer : consumers) {
                for (var channel : consumer.replayableChannels().entrySet()) {
                    if (known.put(topicOf(channel.getKey()), channel.getValue()) != null) {
                        throw new IllegalStateException("two channels of " + service + " read topic "
                                + topicOf(channel.getKey()) + ": a replay could not tell which one dead-lettered");
                    }
                }
            }
            handlerByTopic = known;
        }
        return known;
    }

    private String topicOf(String channel) {
        return config.getOptionalValue(INCOMING + channel + ".topic", String.class).orElse(channel);
    }
}
