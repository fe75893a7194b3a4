-- An approval read before its application's application.created (the two travel on different topics, or the
-- creation was dead-lettered and is replayed later) waits here, as the typed event it was, until the creation has
-- been read; then it is handled as if it had just arrived (ApprovalsAwaitingCreation, docs/licence.md). Its delivery
-- is done (its ce_id is in processed_event): the row is the approval now, deleted in the transaction that handles it.
-- A handling that is refused (poison, or failing every attempt) keeps the row with the refusal for an operator.
-- Personal data (a portrait, the applicant's resident ID number): a row whose application is never created, or that
-- was refused, is deleted after licence.awaiting-creation.retention (docs/privacy.md).
CREATE TABLE approval_awaiting_application (
    id             BIGSERIAL   PRIMARY KEY,
    application_id UUID        NOT NULL,
    event_type     TEXT        NOT NULL,
    payload        JSONB       NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL,
    attempts       INTEGER     NOT NULL DEFAULT 0,
    refused_at     TIMESTAMPTZ,
    refusal        TEXT
);

CREATE INDEX approval_awaiting_application_by_application ON approval_awaiting_application (application_id, id);
