-- Card images are personal data: ImageRetention deletes them after the retention period and keeps
-- the check results (no image) for the applicant's record.
ALTER TABLE id_card_upload ALTER COLUMN image DROP NOT NULL;
ALTER TABLE id_card_upload ADD COLUMN images_deleted_at TIMESTAMPTZ;
