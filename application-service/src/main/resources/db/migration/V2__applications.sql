-- The applicant's view of each application, kept up to date from the other services' events.
CREATE TABLE application (
    id                 UUID         PRIMARY KEY,
    applicant_id       VARCHAR(18)  NOT NULL,
    full_name          VARCHAR(100) NOT NULL,
    idempotency_key    VARCHAR(200),
    status             VARCHAR(40)  NOT NULL,
    next_action        VARCHAR(20)  NOT NULL,
    current_photo_id   UUID,
    photo_audit        TEXT,
    notice             TEXT,
    id_card_front      VARCHAR(20),
    id_card_back       VARCHAR(20),
    licence            TEXT,
    closed_at          TIMESTAMPTZ,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT application_idempotency UNIQUE (applicant_id, idempotency_key)
);
CREATE INDEX application_applicant ON application (applicant_id);

-- The annotated copy of the latest audited photo, shown to the applicant. Deleted after the
-- retention period once the application is closed (see docs/privacy.md).
CREATE TABLE photo_annotation (
    application_id     UUID         PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE,
    photo_id           UUID         NOT NULL,
    jpeg               BYTEA        NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL
);
