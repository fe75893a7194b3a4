-- Transactional outbox: a service's state change and the events it causes commit together;
-- the relay publishes rows to Kafka in seq order and stamps published_at after the broker's ack.
CREATE TABLE outbox_message (
    seq           BIGSERIAL    PRIMARY KEY,
    event_id      UUID         NOT NULL UNIQUE,
    topic         VARCHAR(200) NOT NULL,
    message_key   VARCHAR(200) NOT NULL,
    event_type    VARCHAR(200) NOT NULL,
    payload       TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at  TIMESTAMPTZ
);
CREATE INDEX outbox_message_unpublished ON outbox_message (seq) WHERE published_at IS NULL;

-- Idempotent consumers: an event's effect and this row commit together, so a redelivered event
-- (same ce_id) finds its row and has no second effect.
CREATE TABLE processed_event (
    consumer      VARCHAR(100) NOT NULL,
    event_id      VARCHAR(200) NOT NULL,
    processed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_age ON processed_event (processed_at);
