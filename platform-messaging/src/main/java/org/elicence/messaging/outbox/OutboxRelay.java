package org.elicence.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.elicence.messaging.BoundedText;
import org.elicence.messaging.CloudEventHeaders;
import org.elicence.messaging.MessagingConfig;
import org.elicence.messaging.TraceContext;
import org.elicence.messaging.memory.PayloadMemoryBudget;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Publishes outbox rows to Kafka in commit order and marks them published only after the broker
 * acknowledged them (acks=all, idempotent producer). A crash between the ack and the mark re-sends
 * the rows; consumers de-duplicate by {@code ce_id}. A PostgreSQL advisory lock makes one relay per
 * database active at a time, so several instances of a service never reorder one application's events.
 *
 * <p>Passes run on one thread of the relay's own: commit-time triggers must not carry the committing
 * transaction's context along (a managed executor would propagate it), and one thread keeps passes
 * in order without further locking.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String RELAY_LOCK_SQL = "SELECT pg_try_advisory_xact_lock(hashtext('elicence-outbox-relay'))";
    /**
     * Heap a batch takes per payload byte while it is sent: the driver's bytes, the loaded string, the
     * serializer's bytes and the producer's batch buffer.
     */
    static final int HEAP_BYTES_PER_PAYLOAD_BYTE = 4;

    private final MutinyEmitter<String> emitter;
    private final EntityManager entityManager;
    private final MessagingConfig config;
    private final PayloadMemoryBudget memory;
    private final ExecutorService relayThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private final BatchSends batchSends;
    /** Runs the sends with the relay's transaction suspended and restores it afterwards ({@link #send}). */
    private final ThreadContext withoutTransaction = ThreadContext.builder()
            .propagated()
            .cleared(ThreadContext.TRANSACTION)
            .unchanged(ThreadContext.ALL_REMAINING)
            .build();

    @Inject
    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> emitter, EntityManager entityManager,
            MessagingConfig config, PayloadMemoryBudget memory) {
        this.emitter = emitter;
        this.entityManager = entityManager;
        this.config = config;
        this.memory = memory;
        this.batchSends = new BatchSends(longestBatchSend(config.outbox().batchSize()));
    }

    /**
     * The longest the producer takes to end a whole batch: its records are handed over one after another, each
     * waiting at most {@code max.block.ms} for metadata or buffer space, and each ends at the latest
     * {@code delivery.timeout.ms} after it was handed over (5 s and 2 minutes: 10 minutes 20 s for 100 rows).
     */
    static Duration longestBatchSend(int batchSize) {
        org.eclipse.microprofile.config.Config settings = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        long block = settings.getOptionalValue("mp.messaging.outgoing.outbox.max.block.ms", Long.class)
                .orElse(60_000L);
        long delivery = settings.getOptionalValue("mp.messaging.outgoing.outbox.delivery.timeout.ms", Long.class)
                .orElse(120_000L);
        return Duration.ofMillis(batchSize * block + delivery);
    }

    void onOutboxWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        requestPass();
    }

    // Not before start-up completed: the emitter's channel is wired during start-up.
    @Scheduled(every = "${messaging.outbox.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        requestPass();
    }

    /** Queues one pass unless one is already queued: any number of triggers coalesce. */
    public void requestPass() {
        if (passQueued.compareAndSet(false, true)) {
            relayThread.execute(this::drain);
        }
    }

    @PreDestroy
    void stop() {
        relayThread.shutdownNow();
    }

    /** Publishes until the outbox is empty. */
    private void drain() {
        passQueued.set(false);
        if (!emitterConnected() || batchSends.outstanding()) {
            // the last batch is still in the producer: sending it again would put a second copy beside it
            return;
        }
        try {
            while (relayBatch()) {
                // a full batch (by rows or bytes): more rows may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay pass failed, rows stay unpublished and are retried: %s", e.toString());
        }
    }

    /** Before start-up wired the channel, or while the producer is saturated, the next sweep retries. */
    private boolean emitterConnected() {
        try {
            return emitter.hasRequests();
        } catch (RuntimeException notWiredYet) {
            return false;
        }
    }

    /** @return whether the batch was full (by rows or by bytes), so more rows may be waiting. */
    private boolean relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery(RELAY_LOCK_SQL).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return false;
            }
            Selection selection = select();
            if (selection.seqs().isEmpty()) {
                return false;
            }
            // Rows can carry images: the batch waits for its share of the heap that uploads draw on too.
            Optional<PayloadMemoryBudget.Reservation> share = memory.reserve(
                    selection.bytes() * HEAP_BYTES_PER_PAYLOAD_BYTE, config.outbox().sendTimeout());
            if (share.isEmpty()) {
                LOG.debugf("outbox relay: payload memory busy, %d rows wait for the next pass", selection.seqs().size());
                return false;
            }
            PayloadMemoryBudget.Reservation reserved = share.get();
            try {
                List<OutboxMessage> batch = OutboxMessage
                        .<OutboxMessage>find("seq in ?1 order by seq", selection.seqs())
                        .list();
                List<Message<String>> messages = batch.stream().map(this::toKafkaMessage).toList();
                List<Optional<Throwable>> sent = withoutTransaction.contextualSupplier(() -> send(messages, reserved))
                        .get();
                markSent(batch, sent);
                entityManager.flush(); // only the marks (OutboxMessage is @DynamicUpdate), inside the share
                entityManager.clear();
                return selection.full();
            } finally {
                if (!batchSends.outstanding()) {
                    reserved.close(); // else the sends still in the producer give it back when they end
                }
            }
        });
    }

    /**
     * Sends the batch and waits for the broker's answer to each record. Called with the relay's transaction suspended
     * ({@link #withoutTransaction}): otherwise Mutiny's context propagation captures the transaction when the sends
     * are assembled and activates it on the Kafka producer's network thread, which runs the acknowledgements. If that
     * thread is still inside the transaction when the relay commits, Narayana finds two threads in it and the commit
     * fails ("Enlisted connection used without active transaction"): the rows stay unpublished although the broker
     * took them, and the whole batch is sent again. A full-size LoadBenchmarkIT run (2026-12-05) logged 494 such
     * failed passes over the four services, card images re-sent with them (quarkusio/quarkus#39098). A wait that
     * times out leaves {@code share} to the sends still in the producer ({@link BatchSends}).
     */
    private List<Optional<Throwable>> send(List<Message<String>> messages, PayloadMemoryBudget.Reservation share) {
        List<Uni<Optional<Throwable>>> outcomes = new ArrayList<>(messages.size());
        for (Message<String> message : messages) {
            outcomes.add(emitter.sendMessage(message)
                    .onItem().transform(acked -> Optional.<Throwable>empty())
                    .onFailure().recoverWithItem(Optional::of));
        }
        return batchSends.await(Uni.join().all(outcomes).andFailFast(), config.outbox().sendTimeout(), share);
    }

    /**
     * Rows the broker acknowledged are published; a row it can never take ({@link #refusedForGood}) is refused and
     * stepped over, so that the rows behind it go on. Any other failure (the broker away, a timeout) fails the pass
     * as before: nothing is marked, and the whole batch is sent again (consumers de-duplicate by {@code ce_id}).
     */
    private static void markSent(List<OutboxMessage> batch, List<Optional<Throwable>> sent) {
        for (Optional<Throwable> failure : sent) {
            if (failure.isPresent() && refusedForGood(failure.get()).isEmpty()) {
                throw new IllegalStateException("the broker did not take the batch", failure.get());
            }
        }
        Instant now = Instant.now();
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage row = batch.get(i);
            Optional<Throwable> refusal = sent.get(i).flatMap(OutboxRelay::refusedForGood);
            if (refusal.isEmpty()) {
                row.publishedAt = now;
            } else {
                row.refusedAt = now;
                row.refusal = BoundedText.cut(refusal.get().toString(), 500);
                LOG.errorf("outbox relay: the broker refused event %s (%s, topic %s, %d characters) for good, the rows "
                        + "behind it go on; it stays in outbox_message, refused (%s)", row.eventId, row.eventType,
                        row.topic, row.payload.length(), refusal.get().toString());
            }
        }
    }

    /**
     * The Kafka error in {@code failure}'s causes that no retry can cure: a record larger than the producer's
     * {@code max.request.size} or the topic's {@code max.message.bytes} (a batch of several records the broker finds
     * too large is split and sent again by the producer itself, so the error names one record). A missing topic or a
     * refused authorisation is not among them: it is a setting that can be put right, and the row must then still go
     * out.
     */
    static Optional<Throwable> refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    private record Selection(List<Long> seqs, long bytes, boolean full) {
    }

    /**
     * The next rows in commit order, at most {@code batch-size} rows and {@code batch-max-bytes} of payload
     * (always at least one row): rows can carry images, and a hundred of them at once would not fit in the heap.
     */
    private Selection select() {
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = entityManager.createNativeQuery(
                "SELECT seq, octet_length(payload) FROM outbox_message "
                        + "WHERE published_at IS NULL AND refused_at IS NULL ORDER BY seq LIMIT :n")
                .setParameter("n", config.outbox().batchSize())
                .getResultList();
        List<Long> seqs = new ArrayList<>();
        long bytes = 0;
        for (Object[] candidate : candidates) {
            long size = ((Number) candidate[1]).longValue();
            if (!seqs.isEmpty() && bytes + size > config.outbox().batchMaxBytes()) {
                return new Selection(seqs, bytes, true);
            }
            seqs.add(((Number) candidate[0]).longValue());
            bytes += size;
        }
        return new Selection(seqs, bytes, candidates.size() == config.outbox().batchSize());
    }

    private Message<String> toKafkaMessage(OutboxMessage row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, row.eventId.toString());
        header(headers, CloudEventHeaders.TYPE, row.eventType);
        header(headers, CloudEventHeaders.SOURCE, config.source());
        header(headers, CloudEventHeaders.TIME, row.createdAt.toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        Optional<TraceContext> trace = Optional.ofNullable(row.traceParent)
                .map(traceParent -> new TraceContext(traceParent, row.traceState));
        trace.ifPresent(context -> context.writeTo(headers));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .withHeaders(headers)
                .build();
        Message<String> message = Message.of(row.payload).addMetadata(metadata);
        // With tracing enabled the connector's producer span becomes a child of the stored context
        // (its traceparent header, added after ours, is the one consumers read); without it ours stands.
        return trace.map(context -> message.addMetadata(TracingMetadata.withCurrent(context.asContext())))
                .orElse(message);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
