-- The (application, applicant) pairs license-issuer-service learned from application-service's own
-- application.created events: an approval is acted on only if it names the applicant its application was created for.
CREATE TABLE known_application (
    application_id UUID        PRIMARY KEY,
    applicant_id   TEXT        NOT NULL,
    learned_at     TIMESTAMPTZ NOT NULL
);
