-- The trace context of the transaction that wrote an outbox row, restored when the relay sends it,
-- so one application's trace continues across Kafka (W3C traceparent is 55 characters; tracestate
-- is bounded at 512 by the W3C specification).
ALTER TABLE outbox_message ADD COLUMN trace_parent VARCHAR(55);
ALTER TABLE outbox_message ADD COLUMN trace_state VARCHAR(512);
