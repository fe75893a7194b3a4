-- The licence portrait photo-audit-service framed for the latest audited photo, failed ones included: a review the
-- applicant asks for after failing carries it, so a reviewer who finds the machine wrong can approve the photo.
-- Deleted with the annotated copy (PersonalDataRetention).
ALTER TABLE photo_annotation ADD COLUMN portrait BYTEA;
