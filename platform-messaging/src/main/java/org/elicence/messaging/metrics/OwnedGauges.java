package org.elicence.messaging.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gauges one bean registers, taken out of the registry again when the bean goes ({@link #removeAll}, from its
 * {@code @PreDestroy}). A registry hands a meter already registered under the same name and tags back as it is, and a
 * gauge reads the state object it was first built on: an application started again in the same JVM (as tests do)
 * would otherwise set values that no gauge reads and report the first start's figures for ever.
 */
public final class OwnedGauges {

    private final MeterRegistry registry;
    private final List<Gauge> gauges = new CopyOnWriteArrayList<>();

    public OwnedGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers {@code gauge} and keeps it to remove; returns the gauge registered. */
    public Gauge register(Gauge.Builder<?> gauge) {
        Gauge registered = gauge.register(registry);
        gauges.add(registered);
        return registered;
    }

    /** Takes every gauge registered here out of the registry. */
    public void removeAll() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }
}
