-- idcard-service closes a pending card review case as SUPERSEDED when the application was settled on a photo
-- (idcard.review-case-closed without decision or reviewer); staff's record keeps that outcome.
ALTER TABLE id_card_review_case DROP CONSTRAINT id_card_review_case_status_check;
ALTER TABLE id_card_review_case ADD CONSTRAINT id_card_review_case_status_check
    CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'SUPERSEDED'));
