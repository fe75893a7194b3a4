-- The reviewer's reason in English (idcard.review-case-closed's reasonEn), for the held sweep's notice of a rejection
-- whose own event never came: an English reader was shown the reviewer's Chinese words.
ALTER TABLE id_card_review_case ADD COLUMN reason_en TEXT;
