package org.elicence.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;

class TraceContextTest {

    private static final String TRACE_PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void survivesTheRoundTripThroughRecordHeaders() {
        RecordHeaders headers = new RecordHeaders();
        new TraceContext(TRACE_PARENT, "vendor=opaque").writeTo(headers);

        TraceContext read = TraceContext.of(headers).orElseThrow();
        assertEquals(TRACE_PARENT, read.traceParent());
        assertEquals("vendor=opaque", read.traceState());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", read.traceId());
    }

    /** A caller's tracestate longer than the outbox keeps is cut by whole entries, the long ones first. */
    @Test
    void aLongTraceStateIsCutToWhatTheOutboxKeeps() {
        StringBuilder state = new StringBuilder("long=" + "x".repeat(200));
        for (int entry = 0; entry < 30; entry++) {
            state.append(",k").append(entry).append('=').append("v".repeat(25));
        }
        try (Scope scope = new TraceContext(TRACE_PARENT, state.toString()).asContext().makeCurrent()) {
            String kept = TraceContext.current().orElseThrow().traceState();
            assertTrue(kept.length() <= TraceContext.MAX_TRACE_STATE, kept.length() + " characters");
            assertTrue(kept.startsWith("k0=") && !kept.contains("long="), kept);
        }
        assertEquals("a=1,b=2", TraceContext.bounded("a=1,b=2"));
    }

    @Test
    void aRestoredContextIsCurrentAndIsCapturedAgainUnchanged() {
        assertTrue(TraceContext.current().isEmpty(), "no trace outside a request or event");
        try (Scope scope = new TraceContext(TRACE_PARENT, null).asContext().makeCurrent()) {
            SpanContext current = Span.current().getSpanContext();
            assertTrue(current.isValid());
            assertTrue(current.isRemote());
            assertEquals(TRACE_PARENT, TraceContext.current().orElseThrow().traceParent());
        }
        assertTrue(TraceContext.current().isEmpty(), "closing the scope restores the previous context");
    }

    @Test
    void aMalformedTraceparentGivesNoTrace() {
        try (Scope scope = new TraceContext("00-not-a-trace-01", null).asContext().makeCurrent()) {
            assertFalse(Span.current().getSpanContext().isValid());
            assertTrue(TraceContext.current().isEmpty());
        }
    }

    @Test
    void recordsWithoutTraceparentHaveNoTrace() {
        assertTrue(TraceContext.of(new RecordHeaders()).isEmpty());
    }
}
