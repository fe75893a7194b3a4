-- photo-audit-service reads the uploaded sides (docs/idcard.md, "Who reads the card"): an upload is kept when it
-- arrives and its checks, images and hash are filled in when the reading comes back. Until then it has no verdict.
ALTER TABLE id_card_upload ALTER COLUMN verdict DROP NOT NULL;
ALTER TABLE id_card_upload ALTER COLUMN checks DROP NOT NULL;
ALTER TABLE id_card_upload ALTER COLUMN checked_at DROP NOT NULL;
ALTER TABLE id_card_upload ADD CONSTRAINT id_card_upload_read_whole
    CHECK ((verdict IS NULL) = (checks IS NULL) AND (verdict IS NULL) = (checked_at IS NULL));
-- "The side the applicant uploaded last" is the latest upload, read or not.
DROP INDEX id_card_upload_latest;
CREATE INDEX id_card_upload_latest ON id_card_upload (application_id, side, uploaded_at DESC);
-- The uploader's resident ID number, for the review case when the application itself has not been seen here yet.
ALTER TABLE id_card_upload ADD COLUMN uploader_id CHAR(18);
