-- idcard-service closes a pending card review case as WITHDRAWN when its application was withdrawn
-- (idcard.review-case-closed without decision or reviewer); staff's record keeps that outcome.
ALTER TABLE id_card_review_case DROP CONSTRAINT id_card_review_case_status_check;
ALTER TABLE id_card_review_case ADD CONSTRAINT id_card_review_case_status_check
    CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'));
