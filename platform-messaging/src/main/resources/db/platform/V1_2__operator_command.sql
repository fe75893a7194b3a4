-- Operators' commands typed with kcat (review decisions, authority commands), handled once each: the record's
-- id (decisionId, commandId, or partition/offset) is claimed here in the transaction of its effect or refusal.
CREATE TABLE operator_command (
    consumer         TEXT        NOT NULL,
    command_key      TEXT        NOT NULL,
    operator         TEXT,
    outcome          TEXT        NOT NULL,
    refusal_code     TEXT,
    source_partition INTEGER     NOT NULL,
    source_offset    BIGINT      NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, command_key)
);
