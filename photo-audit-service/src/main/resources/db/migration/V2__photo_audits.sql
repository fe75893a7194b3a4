-- One row per audited photo: the verdict and every rule's result, for staff and for statistics.
-- No image bytes are kept here (see docs/privacy.md): the portrait and the annotated copy travel on
-- in the PhotoAudited event and are owned by their consumers.
CREATE TABLE photo_audit (
    photo_id         UUID         PRIMARY KEY,
    application_id   UUID         NOT NULL,
    source           VARCHAR(20)  NOT NULL,
    verdict          VARCHAR(10)  NOT NULL,
    checks           TEXT         NOT NULL,
    duration_millis  BIGINT       NOT NULL,
    audited_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX photo_audit_application ON photo_audit (application_id);
