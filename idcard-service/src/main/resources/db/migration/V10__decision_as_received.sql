-- A decision record keeps its "decision" field as received, cut at 200 characters as every other field is (StaffRecord):
-- a malformed one ("NOT_APPROVED", an object) must be stored and refused with MALFORMED_DECISION, and at 10 characters
-- its insert failed, so it was retried and dead-lettered and the reviewer was never told (application-service's
-- photo_review_decision has had 200 from the start).
ALTER TABLE review_decision ALTER COLUMN decision TYPE VARCHAR(200);
