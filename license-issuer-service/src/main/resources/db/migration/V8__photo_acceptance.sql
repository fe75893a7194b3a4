-- Issue 14: the licence is made only from the photo application-service accepted as its application's current one.
-- A passing photo.audited (photo-audit-results) and application-service's application.photo-accepted (applications)
-- travel on different topics and may arrive in either order: whichever comes first is kept here until the other
-- arrives. A passing photo's portrait is deleted once its application is decided.
CREATE TABLE passed_photo (
    application_id UUID        NOT NULL,
    photo_id       UUID        NOT NULL,
    content_type   TEXT        NOT NULL,
    width          INTEGER     NOT NULL,
    height         INTEGER     NOT NULL,
    image_base64   TEXT        NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (application_id, photo_id)
);

CREATE TABLE accepted_photo (
    application_id UUID        PRIMARY KEY,
    photo_id       UUID        NOT NULL,
    accepted_at    TIMESTAMPTZ NOT NULL
);
