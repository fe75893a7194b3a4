package org.elicence.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * W3C trace context ({@code traceparent}, {@code tracestate}) carried across the outbox.
 *
 * <p>The outbox relay publishes on its own thread long after the request or event that caused the
 * row, so the trace context of that moment is stored in the row and restored when it is sent;
 * otherwise every trace would end at the outbox. The propagator is used directly, not the
 * configured OpenTelemetry instance, so the trace id still travels (and appears in logs) when a
 * deployment has no tracing backend and the SDK is disabled.
 */
public record TraceContext(String traceParent, String traceState) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /**
     * The longest {@code tracestate} kept: the outbox column's size, and the length W3C asks every vendor to pass on
     * at least. A caller may send up to 32 entries of 512 characters; stored whole, a longer one failed the outbox
     * insert and so every write of that request (500).
     */
    static final int MAX_TRACE_STATE = 512;

    /** W3C: entries longer than this go first when a tracestate must be cut. */
    private static final int LONG_ENTRY = 128;

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** The trace context active on this thread, if there is a valid one. */
    public static Optional<TraceContext> current() {
        if (!Span.current().getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        String traceParent = carrier.get(TRACEPARENT);
        return traceParent == null ? Optional.empty()
                : Optional.of(new TraceContext(traceParent, bounded(carrier.get(TRACESTATE))));
    }

    /**
     * {@code traceState} cut to {@link #MAX_TRACE_STATE} characters as W3C says to cut it: whole entries, those longer
     * than 128 characters first, then from the end.
     */
    static String bounded(String traceState) {
        if (traceState == null || traceState.length() <= MAX_TRACE_STATE) {
            return traceState;
        }
        List<String> entries = new java.util.ArrayList<>(List.of(traceState.split(",")));
        entries.removeIf(entry -> entry.strip().length() > LONG_ENTRY);
        while (String.join(",", entries).length() > MAX_TRACE_STATE) {
            entries.remove(entries.size() - 1);
        }
        return entries.isEmpty() ? null : String.join(",", entries);
    }

    /** The trace context a Kafka record carries (the last header wins, as for any propagator). */
    public static Optional<TraceContext> of(Headers headers) {
        return CloudEventHeaders.lastValue(headers, TRACEPARENT).map(traceParent -> new TraceContext(traceParent,
                CloudEventHeaders.lastValue(headers, TRACESTATE).orElse(null)));
    }

    /** An OpenTelemetry context whose parent is this remote span; root context if the header is malformed. */
    public Context asContext() {
        return W3C.extract(Context.root(), this, Getter.INSTANCE);
    }

    public void writeTo(Headers headers) {
        headers.add(TRACEPARENT, traceParent.getBytes(StandardCharsets.UTF_8));
        if (traceState != null && !traceState.isEmpty()) {
            headers.add(TRACESTATE, traceState.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The 32-hex-digit trace id, for logs and tests. */
    public String traceId() {
        String[] parts = traceParent.split("-");
        return parts.length >= 2 ? parts[1] : "";
    }

    private enum Getter implements TextMapGetter<TraceContext> {
        INSTANCE;

        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return TRACEPARENT.equals(key) ? carrier.traceParent : TRACESTATE.equals(key) ? carrier.traceState : null;
        }
    }
}
