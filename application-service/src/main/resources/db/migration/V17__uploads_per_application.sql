-- Images an application has taken in (portraits and card sides): at most applications.uploads.per-application (100),
-- so that its audit attempts, status history and card record, which the applicant's and staff's views read whole,
-- stay bounded. Applications before this count from zero.
ALTER TABLE application ADD COLUMN uploads_taken INTEGER NOT NULL DEFAULT 0;
