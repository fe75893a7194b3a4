-- The image retention clears the uploader's resident ID number with the images since 2026-12-07 (ImageRetention); the
-- uploads whose images it deleted before kept the number. It was needed only to open a case on the images.
UPDATE id_card_upload SET uploader_id = NULL WHERE images_deleted_at IS NOT NULL AND uploader_id IS NOT NULL;
