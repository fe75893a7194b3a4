-- An outbox row the broker can never take (larger than the producer's or the topic's limit) is marked refused and
-- stepped over: before, the relay sent it again every pass, failed every pass, and every later row of the service
-- waited behind it for good. The row keeps its payload for operators (docs/operator-runbook.md, "Refused outbox
-- rows") until messaging.outbox.refused-retention.
ALTER TABLE outbox_message ADD COLUMN refused_at TIMESTAMPTZ;
ALTER TABLE outbox_message ADD COLUMN refusal VARCHAR(500);
DROP INDEX outbox_message_unpublished;
CREATE INDEX outbox_message_unpublished ON outbox_message (seq) WHERE published_at IS NULL AND refused_at IS NULL;
CREATE INDEX outbox_message_refused ON outbox_message (refused_at) WHERE refused_at IS NOT NULL;
