package org.elicence.messaging.inbox;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The records a handler is working on right now, with when it began each. A handler that never
 * returns (a thread hung in class loading, a lock never released) stops its partition for good while
 * the service still answers HTTP; the liveness check ({@code ConsumerStallHealthCheck}) reads the oldest
 * record here to see it.
 */
@ApplicationScoped
public class InFlightRecords {

    /** One record being handled; closing it (try-with-resources) says the handler is done with it. */
    public interface Handling extends AutoCloseable {
        @Override
        void close();
    }

    /** What the oldest unfinished record is and how long it has been in its handler. */
    public record Oldest(String topic, int partition, long offset, Duration age) {
    }

    private record Entry(String topic, int partition, long offset, long startedNanos) {
    }

    private final Map<Long, Entry> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final LongSupplier nanoClock;

    public InFlightRecords() {
        this(System::nanoTime);
    }

    /** With a clock of its own, for tests. */
    public InFlightRecords(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public Handling start(ConsumerRecord<?, ?> record) {
        long id = ids.incrementAndGet();
        inFlight.put(id, new Entry(record.topic(), record.partition(), record.offset(), nanoClock.getAsLong()));
        return () -> inFlight.remove(id);
    }

    public Optional<Oldest> oldest() {
        long now = nanoClock.getAsLong();
        return inFlight.values().stream()
                .min(Comparator.comparingLong(Entry::startedNanos))
                .map(e -> new Oldest(e.topic(), e.partition(), e.offset(), Duration.ofNanos(now - e.startedNanos())));
    }
}
