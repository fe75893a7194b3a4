-- The ID registry (a fictional extract of the resident ID registry, docs/idcard.md lists it) and the
-- outcome of each application's lookup in it. Registry photos are files under the configured
-- idcard.registry.photo-location; photo_file names one, NULL when the registry holds no photo.
CREATE TABLE registry_citizen (
    resident_id      CHAR(18)     PRIMARY KEY,
    full_name        VARCHAR(100) NOT NULL,
    full_name_latin  VARCHAR(100) NOT NULL,
    sex              CHAR(1)      NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date       DATE         NOT NULL,
    card_issued_on   DATE         NOT NULL,
    -- NULL: a long-term card (长期), issued to people aged 46 and over
    card_expires_on  DATE,
    photo_file       VARCHAR(100)
);

-- ON CONFLICT keeps the seed idempotent should the migration be re-applied to a restored database.
INSERT INTO registry_citizen
    (resident_id, full_name, full_name_latin, sex, birth_date, card_issued_on, card_expires_on, photo_file)
VALUES
    ('11010119900307213X', '张伟', 'ZHANG Wei',   'M', DATE '1990-03-07', DATE '2019-05-20', DATE '2039-05-20', 'citizen-1.jpg'),
    ('310104198511230466', '李娜', 'LI Na',       'F', DATE '1985-11-23', DATE '2021-08-02', DATE '2041-08-02', 'citizen-2.jpg'),
    ('440305197806141286', '王芳', 'WANG Fang',   'F', DATE '1978-06-14', DATE '2008-09-10', DATE '2028-09-10', NULL),
    ('510104196901303518', '刘洋', 'LIU Yang',    'M', DATE '1969-01-30', DATE '2006-04-18', NULL,              NULL),
    ('420102197510190843', '黄丽', 'HUANG Li',    'F', DATE '1975-10-19', DATE '2015-12-31', DATE '2035-12-31', NULL),
    ('330106199507090625', '陈静', 'CHEN Jing',   'F', DATE '1995-07-09', DATE '2017-10-11', DATE '2027-10-11', NULL),
    ('610113200112254177', '杨磊', 'YANG Lei',    'M', DATE '2001-12-25', DATE '2018-01-15', DATE '2028-01-15', NULL),
    ('320102198304152206', '孙悦', 'SUN Yue',     'F', DATE '1983-04-15', DATE '2016-01-01', DATE '2036-01-01', NULL)
ON CONFLICT (resident_id) DO NOTHING;

-- One row per application: the applicant as the application named them and what the registry said.
CREATE TABLE applicant (
    application_id     UUID         PRIMARY KEY,
    applicant_id       CHAR(18)     NOT NULL,
    full_name          VARCHAR(100) NOT NULL,
    -- PHOTO_SENT_TO_AUDIT, CARD_ISSUED_BEFORE_CUTOFF, NO_USABLE_PHOTO or NOT_IN_REGISTRY
    registry_outcome   VARCHAR(40)  NOT NULL,
    registry_photo_id  UUID,
    looked_up_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX applicant_by_resident_id ON applicant (applicant_id);
