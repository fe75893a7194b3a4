package org.elicence.messaging.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.elicence.messaging.inbox.InFlightRecords;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The liveness verdict from records in their handlers and from the consumers' last poll. */
class ConsumerStallHealthCheckTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final InFlightRecords inFlight = new InFlightRecords(nanos::get);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerStallHealthCheck check = new ConsumerStallHealthCheck(inFlight, registry, TIMEOUT);

    @Test
    void upWhenNothingIsInAHandlerAndNoConsumerHasPolledYet() {
        assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
    }

    @Test
    void aRecordHeldLongerThanTheTimeoutMakesItDownUntilTheHandlerLetsGo() {
        InFlightRecords.Handling stuck = inFlight.start(record("idcard-uploads", 3, 41));
        try (InFlightRecords.Handling quick = inFlight.start(record("applications", 1, 7))) {
            advance(Duration.ofMinutes(4));
            assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus(), "a long handling is not yet a stall");
        }
        advance(Duration.ofMinutes(2));
        HealthCheckResponse response = check.call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("idcard-uploads-3@41 for 360 s", response.getData().orElseThrow().get("oldest-record-in-handler"));
        stuck.close();
        assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
    }

    @Test
    void aConsumerThatHasNotPolledForTheTimeoutMakesItDown() {
        AtomicLong applicationsLastPoll = new AtomicLong(1);
        lastPollGauge("kafka-consumer-applications", applicationsLastPoll);
        lastPollGauge("kafka-consumer-review-decisions", new AtomicLong(-1));
        assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
        applicationsLastPoll.set(TIMEOUT.toSeconds());
        HealthCheckResponse response = check.call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(300L, response.getData().orElseThrow().get("kafka-consumer-applications last poll (s ago)"));
        assertTrue(response.getData().orElseThrow().containsKey("kafka-consumer-review-decisions last poll (s ago)"));
    }

    private void lastPollGauge(String client, AtomicLong secondsAgo) {
        Gauge.builder(ConsumerStallHealthCheck.LAST_POLL_METER, secondsAgo, AtomicLong::doubleValue)
                .tag("client.id", client).register(registry);
    }

    private void advance(Duration by) {
        nanos.addAndGet(TimeUnit.NANOSECONDS.convert(by));
    }

    private static ConsumerRecord<String, String> record(String topic, int partition, long offset) {
        return new ConsumerRecord<>(topic, partition, offset, "key", "value");
    }
}
