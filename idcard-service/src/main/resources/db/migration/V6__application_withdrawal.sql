-- application-service withdrew the application (application.withdrawn): its pending review case closes as WITHDRAWN
-- and no new case opens for it.
ALTER TABLE review_case DROP CONSTRAINT review_case_status_check;
ALTER TABLE review_case ADD CONSTRAINT review_case_status_check
    CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'));
ALTER TABLE applicant ADD COLUMN withdrawn_at TIMESTAMPTZ;
