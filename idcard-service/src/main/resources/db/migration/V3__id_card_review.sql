-- Uploaded ID-card sides with the outcome of their automatic checks (rules ID1-ID19).
CREATE TABLE id_card_upload (
    upload_id        UUID        PRIMARY KEY,
    application_id   UUID        NOT NULL,
    side             VARCHAR(5)  NOT NULL CHECK (side IN ('FRONT', 'BACK')),
    content_type     VARCHAR(20) NOT NULL,
    image            BYTEA       NOT NULL,  -- as uploaded
    rectified_card   BYTEA,                 -- JPEG, perspective-corrected; NULL when no card was found
    portrait         BYTEA,                 -- JPEG in the licence format, cut from a front
    perceptual_hash  BIGINT,
    verdict          VARCHAR(4)  NOT NULL CHECK (verdict IN ('PASS', 'FAIL')),
    checks           JSONB       NOT NULL,  -- RuleCheck array, as published in IdCardSideChecked
    uploaded_at      TIMESTAMPTZ NOT NULL,
    checked_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX id_card_upload_latest ON id_card_upload (application_id, side, checked_at DESC);

-- A staff review of one front and one back that passed their checks.
CREATE TABLE review_case (
    case_id          UUID        PRIMARY KEY,
    application_id   UUID        NOT NULL,
    applicant_id     CHAR(18)    NOT NULL,
    front_upload_id  UUID        NOT NULL REFERENCES id_card_upload (upload_id),
    back_upload_id   UUID        NOT NULL REFERENCES id_card_upload (upload_id),
    status           VARCHAR(10) NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    opened_at        TIMESTAMPTZ NOT NULL,
    decided_at       TIMESTAMPTZ,
    decision_id      VARCHAR(200)
);
-- An application has at most one case that is pending or approved; a rejected one allows a new case.
CREATE UNIQUE INDEX review_case_one_live_per_application ON review_case (application_id)
    WHERE status IN ('PENDING', 'APPROVED');

-- Every decision record read from idcard-review-decisions, accepted or refused, so a redelivery
-- (same decision id) has no second effect and the applicant's record shows who decided what.
CREATE TABLE review_decision (
    decision_key      VARCHAR(200) PRIMARY KEY,  -- the decisionId, or partition/offset when it had none
    decision_id       VARCHAR(200),
    case_id           VARCHAR(200),
    application_id    UUID,
    reviewer_id       VARCHAR(200),
    decision          VARCHAR(10),
    reason            TEXT,
    reason_en         TEXT,
    outcome           VARCHAR(8)   NOT NULL CHECK (outcome IN ('ACCEPTED', 'REFUSED')),
    refusal_code      VARCHAR(40),
    refusal_reason    TEXT,
    received_value    TEXT         NOT NULL,
    source_partition  INTEGER      NOT NULL,
    source_offset     BIGINT       NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX review_decision_by_application ON review_decision (application_id);
