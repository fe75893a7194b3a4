-- The upload each ID-card side's status speaks of (Application.idCardFrontUpload / idCardBackUpload): only its checks
-- move the application; an older upload's, or one made before staff rejected the card, are staff's record only.
ALTER TABLE application ADD COLUMN id_card_front_upload UUID;
ALTER TABLE application ADD COLUMN id_card_back_upload UUID;

-- Applications in flight: the side's latest upload is the current one, where the side is uploaded, or where the
-- held-applications sweep asked for it again (ID_CARD_NOT_PROCESSED) and its reading may still come.
UPDATE application a SET id_card_front_upload = (
    SELECT u.upload_id FROM id_card_upload u WHERE u.application_id = a.id AND u.side = 'FRONT'
    ORDER BY u.uploaded_at DESC NULLS LAST LIMIT 1)
WHERE a.id_card_front IS NOT NULL OR a.notice ->> 'code' = 'ID_CARD_NOT_PROCESSED';
UPDATE application a SET id_card_back_upload = (
    SELECT u.upload_id FROM id_card_upload u WHERE u.application_id = a.id AND u.side = 'BACK'
    ORDER BY u.uploaded_at DESC NULLS LAST LIMIT 1)
WHERE a.id_card_back IS NOT NULL OR a.notice ->> 'code' = 'ID_CARD_NOT_PROCESSED';
