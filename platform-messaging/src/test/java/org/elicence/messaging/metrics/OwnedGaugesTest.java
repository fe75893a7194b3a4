package org.elicence.messaging.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class OwnedGaugesTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aBeanStartedAgainReadsItsOwnStateOnceTheFirstOnesGaugesAreRemoved() {
        AtomicLong first = new AtomicLong(7);
        OwnedGauges firstStart = new OwnedGauges(registry);
        firstStart.register(Gauge.builder("rows.waiting", first, AtomicLong::get).tag("kind", "case"));
        firstStart.removeAll();

        AtomicLong second = new AtomicLong(3);
        new OwnedGauges(registry).register(Gauge.builder("rows.waiting", second, AtomicLong::get).tag("kind", "case"));

        assertEquals(3, registry.get("rows.waiting").tag("kind", "case").gauge().value());
    }

    @Test
    void withoutRemovalTheRegistryKeepsTheFirstStartsGauge() {
        // Why removal is needed: the registry hands the first gauge back, bound to the first start's state.
        AtomicLong first = new AtomicLong(7);
        new OwnedGauges(registry).register(Gauge.builder("rows.waiting", first, AtomicLong::get));
        AtomicLong second = new AtomicLong(3);
        new OwnedGauges(registry).register(Gauge.builder("rows.waiting", second, AtomicLong::get));

        assertEquals(7, registry.get("rows.waiting").gauge().value());
    }

    @Test
    void removeAllTakesOnlyItsOwnGauges() {
        AtomicLong one = new AtomicLong(1);
        AtomicLong two = new AtomicLong(2);
        OwnedGauges mine = new OwnedGauges(registry);
        mine.register(Gauge.builder("mine", one, AtomicLong::get));
        new OwnedGauges(registry).register(Gauge.builder("theirs", two, AtomicLong::get));

        mine.removeAll();

        assertNull(registry.find("mine").gauge());
        assertEquals(2, registry.get("theirs").gauge().value());
    }
}
