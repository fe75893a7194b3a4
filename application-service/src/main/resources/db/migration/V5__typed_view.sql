-- The applicant's view is typed (issue 12): the last audit, the notice and the licence were JSON text,
-- re-parsed on every read; they become jsonb, read and written as records (LastPhotoAudit, Notice,
-- IssuedLicence). The text held valid JSON written by the service itself, so it converts as it is.
ALTER TABLE application
    ALTER COLUMN photo_audit TYPE jsonb USING photo_audit::jsonb,
    ALTER COLUMN notice      TYPE jsonb USING notice::jsonb,
    ALTER COLUMN licence     TYPE jsonb USING licence::jsonb;
