package org.elicence.messaging.health;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.elicence.messaging.MessagingConfig;
import org.elicence.messaging.inbox.InFlightRecords;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Liveness of the Kafka consumers: DOWN when a handler has held one record longer than
 * {@code messaging.consumer.stall-timeout} (the wait for its admission included: a record that waits that long for
 * a resource makes no progress either), or when a consumer's polling thread has not polled for that long.
 * Either way the partition makes no progress while HTTP, the database and the broker all look healthy, which
 * readiness cannot see; a restart hands the partition to a fresh consumer, and the record is redelivered
 * because its offset was never committed. Polling goes on while a consumer waits for its handlers (paused
 * partitions), so a long backlog is not a stall; the timeout is far above the longest legitimate handling
 * (retries included).
 */
@Liveness
@ApplicationScoped
public class ConsumerStallHealthCheck implements HealthCheck {

    /** Kafka's consumer metric {@code last-poll-seconds-ago}, as Micrometer's Kafka binder names it. */
    static final String LAST_POLL_METER = "kafka.consumer.last.poll.seconds.ago";

    private final InFlightRecords inFlight;
    private final MeterRegistry registry;
    private final Duration stallTimeout;

    @Inject
    public ConsumerStallHealthCheck(InFlightRecords inFlight, MeterRegistry registry, MessagingConfig config) {
        this(inFlight, registry, config.consumer().stallTimeout());
    }

    ConsumerStallHealthCheck(InFlightRecords inFlight, MeterRegistry registry, Duration stallTimeout) {
        this.inFlight = inFlight;
        this.registry = registry;
        this.stallTimeout = stallTimeout;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka consumers making progress")
                .withData("stall-timeout", stallTimeout.toString());
        boolean up = true;
        Optional<InFlightRecords.Oldest> oldest = inFlight.oldest();
        if (oldest.isPresent()) {
            InFlightRecords.Oldest record = oldest.get();
            response.withData("oldest-record-in-handler", record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " for " + record.age().toSeconds() + " s");
            up = record.age().compareTo(stallTimeout) < 0;
        }
        for (Gauge lastPoll : registry.find(LAST_POLL_METER).gauges()) {
            double secondsAgo = lastPoll.value();
            String client = Optional.ofNullable(lastPoll.getId().getTag("client.id")).orElse("consumer");
            response.withData(client + " last poll (s ago)", Double.isNaN(secondsAgo) ? -1 : (long) secondsAgo);
            if (!Double.isNaN(secondsAgo) && secondsAgo >= stallTimeout.toSeconds()) {
                up = false;
            }
        }
        return response.status(up).build();
    }
}
