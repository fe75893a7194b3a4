-- Issued e-licences: the signed credentials and their register status, which verification reads.
CREATE TABLE e_licence (
    id                 UUID         PRIMARY KEY,
    licence_number     VARCHAR(20)  NOT NULL REFERENCES driver_licence (licence_number),
    -- the application that caused the signing; later applications for the same licence share it (licence_decision)
    application_id     UUID         NOT NULL UNIQUE,
    status             VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED')),
    mdoc               BYTEA        NOT NULL,
    jws                TEXT         NOT NULL,
    issued_at          TIMESTAMPTZ  NOT NULL,
    valid_until        TIMESTAMPTZ  NOT NULL,
    status_changed_at  TIMESTAMPTZ  NOT NULL,
    status_reason      VARCHAR(500)
);

-- At most one live (ACTIVE or SUSPENDED) e-licence per driving licence, whatever races: a second signing for
-- the same licence loses at insert time. SUSPENDED counts as live so that re-applying cannot escape a suspension.
CREATE UNIQUE INDEX one_live_e_licence_per_licence_number
    ON e_licence (licence_number) WHERE status IN ('ACTIVE', 'SUSPENDED');
CREATE INDEX e_licence_by_licence_number ON e_licence (licence_number);

-- The one decision per application: the first approval claims the row; every later approval, redelivered or
-- not, finds it and does nothing. ISSUED: this application caused the signing; SHARED: the licence already
-- had a live e-licence and this application was given it; REFUSED: refusal_code says why.
CREATE TABLE licence_decision (
    application_id  UUID         PRIMARY KEY,
    outcome         VARCHAR(10)  NOT NULL CHECK (outcome IN ('PENDING', 'ISSUED', 'SHARED', 'REFUSED')),
    refusal_code    VARCHAR(40),
    e_licence_id    UUID         REFERENCES e_licence (id),
    decided_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX licence_decision_by_e_licence ON licence_decision (e_licence_id);
