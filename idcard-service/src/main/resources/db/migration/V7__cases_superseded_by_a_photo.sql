-- application-service settled the application on a photo (application.photo-accepted, photo.review-approved): its
-- pending card review case closes as SUPERSEDED (no one need decide it; its images' retention starts) and no new case
-- opens for it.
ALTER TABLE review_case DROP CONSTRAINT review_case_status_check;
ALTER TABLE review_case ADD CONSTRAINT review_case_status_check
    CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'SUPERSEDED'));
ALTER TABLE applicant ADD COLUMN settled_on_photo_at TIMESTAMPTZ;
