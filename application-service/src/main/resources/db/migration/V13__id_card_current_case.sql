-- The card review case staff opened last (Application.idCardCase) and whether its decision was applied: only that
-- case's decision moves the application, once (an earlier round's, or one replayed, would undo what the applicant
-- did since), and when the decision's event never arrives the held sweep reads how staff's record shows it closed.
ALTER TABLE application ADD COLUMN id_card_case UUID;
ALTER TABLE application ADD COLUMN id_card_case_decided BOOLEAN NOT NULL DEFAULT FALSE;

-- Applications with a case pending in staff's record: that case. Those neither pending nor under review keep none
-- and take any decision, as before (a case long decided must not be taken for the current one).
UPDATE application a SET id_card_case = c.case_id
FROM id_card_review_case c
WHERE c.application_id = a.id AND c.status = 'PENDING';

-- Applications under review with no case pending: their decision's event never came (the sweep's business now).
-- The latest case staff decided after the application went under review is theirs.
UPDATE application a SET id_card_case = (
    SELECT c.case_id FROM id_card_review_case c
    WHERE c.application_id = a.id AND c.opened_at IS NOT NULL AND c.closed_at >= a.updated_at
    ORDER BY c.opened_at DESC LIMIT 1)
WHERE a.status = 'ID_CARD_UNDER_REVIEW' AND a.id_card_case IS NULL;
