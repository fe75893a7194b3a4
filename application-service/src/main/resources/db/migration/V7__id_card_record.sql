-- Issue 12: staff's whole record (GET /internal/applications/{id}/record) shows every ID-card upload, every card
-- review case and every decision read for it. idcard-service owns the card; this service keeps what it hears of it
-- on Kafka (idcard-events, idcard-review-cases, idcard-review-decisions-rejected), without images.

-- One uploaded card side: received here (uploaded_at), then its automatic checks as idcard-service reported them.
CREATE TABLE id_card_upload (
    upload_id          UUID         PRIMARY KEY,
    application_id     UUID         NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    side               VARCHAR(5)   NOT NULL CHECK (side IN ('FRONT', 'BACK')),
    uploaded_at        TIMESTAMPTZ,              -- null for an upload made before this table existed
    verdict            VARCHAR(20),              -- null until idcard-service reports the checks
    checks             JSONB,
    checked_at         TIMESTAMPTZ
);
CREATE INDEX id_card_upload_by_application ON id_card_upload (application_id);

-- A card review case as idcard-service opened and closed it on idcard-review-cases (its images stay there).
CREATE TABLE id_card_review_case (
    case_id            UUID         PRIMARY KEY,
    application_id     UUID         NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    status             VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    upload_reason      VARCHAR(64),
    opened_at          TIMESTAMPTZ,
    front_upload_id    UUID,
    back_upload_id     UUID,
    front_checks       JSONB,
    back_checks        JSONB,
    decision_id        VARCHAR(200),
    reviewer_id        VARCHAR(200),
    reason             TEXT,
    closed_at          TIMESTAMPTZ
);
CREATE INDEX id_card_review_case_by_application ON id_card_review_case (application_id);

-- Every decision on a card case: the accepted one (from the case's closing) and each refused one
-- (idcard-review-decisions-rejected), with the refusal.
CREATE TABLE id_card_review_decision (
    id                 UUID         PRIMARY KEY,
    application_id     UUID         NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    case_id            VARCHAR(200),
    decision_id        VARCHAR(200),
    reviewer_id        VARCHAR(200),
    outcome            VARCHAR(10)  NOT NULL CHECK (outcome IN ('ACCEPTED', 'REFUSED')),
    result             VARCHAR(10),              -- APPROVED or REJECTED, for an accepted decision
    refusal_code       VARCHAR(64),
    refusal_reason     TEXT,
    received_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX id_card_review_decision_by_application ON id_card_review_decision (application_id);
