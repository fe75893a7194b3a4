-- Issue 12: staff in the loop for photos.

-- Every audit of every photo of an application, as photo-audit-service reported it: the applicant's
-- history (GET /applications/{id}/photo-audits) and the count that lets a repeatedly failing applicant
-- ask for a review.
CREATE TABLE photo_audit_attempt (
    photo_id           UUID         PRIMARY KEY,
    application_id     UUID         NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    source             VARCHAR(20)  NOT NULL,
    verdict            VARCHAR(10)  NOT NULL,
    checks             JSONB        NOT NULL,
    audited_at         TIMESTAMPTZ  NOT NULL,
    received_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX photo_audit_attempt_by_application ON photo_audit_attempt (application_id, audited_at DESC);

-- A staff review of one audited photo. At most one PENDING case per application.
CREATE TABLE photo_review_case (
    case_id            UUID         PRIMARY KEY,
    application_id     UUID         NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    photo_id           UUID         NOT NULL,
    trigger            VARCHAR(20)  NOT NULL CHECK (trigger IN ('NOT_ASSESSABLE', 'APPLICANT_REQUEST')),
    status             VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    checks             JSONB        NOT NULL,
    annotated          JSONB,                    -- personal data: deleted with the annotated photo
    portrait           JSONB,                    -- personal data: deleted with the annotated photo
    opened_at          TIMESTAMPTZ  NOT NULL,
    decided_at         TIMESTAMPTZ,
    decision_id        VARCHAR(200),
    reviewer_id        VARCHAR(200),
    rules              JSONB,
    reason             TEXT,
    reason_en          TEXT,
    code               VARCHAR(64)
);
CREATE UNIQUE INDEX photo_review_case_one_pending ON photo_review_case (application_id) WHERE status = 'PENDING';
CREATE INDEX photo_review_case_by_application ON photo_review_case (application_id, opened_at);

-- Every decision record read from photo-review-decisions, accepted or refused (de-duplication by its key).
CREATE TABLE photo_review_decision (
    decision_key      VARCHAR(200) PRIMARY KEY,  -- the decisionId, or partition/offset when it had none
    decision_id       VARCHAR(200),
    case_id           VARCHAR(200),
    application_id    UUID,
    reviewer_id       VARCHAR(200),
    decision          VARCHAR(200),
    outcome           VARCHAR(8)   NOT NULL CHECK (outcome IN ('ACCEPTED', 'REFUSED')),
    refusal_code      VARCHAR(40),
    refusal_reason    TEXT,
    received_value    TEXT         NOT NULL,
    source_partition  INTEGER      NOT NULL,
    source_offset     BIGINT       NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX photo_review_decision_by_application ON photo_review_decision (application_id);
