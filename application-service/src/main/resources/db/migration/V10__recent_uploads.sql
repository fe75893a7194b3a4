-- The uploads of the last window (applications.uploads.limit-window, a minute) per applicant, counted by every
-- instance of application-service alike: the upload limit holds across instances. Rows leave with their window.
CREATE TABLE recent_upload (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    applicant_id varchar(18) NOT NULL,
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX recent_upload_applicant_time ON recent_upload (applicant_id, uploaded_at);
CREATE INDEX recent_upload_time ON recent_upload (uploaded_at);
