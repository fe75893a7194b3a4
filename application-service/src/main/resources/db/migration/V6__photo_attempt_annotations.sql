-- Issue 12: staff see every photo attempt with its annotated image (GET /internal/applications/{id}/record).
-- The applicant's view keeps only the latest annotated photo (photo_annotation); staff need each attempt's.
-- Personal data: deleted with the application's other images once its retention ran out (PersonalDataRetention).
CREATE TABLE photo_attempt_annotation (
    photo_id           UUID         PRIMARY KEY REFERENCES photo_audit_attempt (photo_id) ON DELETE CASCADE,
    application_id     UUID         NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    jpeg               BYTEA        NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX photo_attempt_annotation_by_application ON photo_attempt_annotation (application_id);
