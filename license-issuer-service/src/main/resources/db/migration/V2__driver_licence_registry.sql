-- The driver-licence registry: a fictional extract of the authorities' licence records for the people in
-- the ID registry (idcard-service V2__id_registry.sql). docs/licence.md "Seed data" lists them; YANG Lei
-- (610113200112254177) deliberately has no licence, so the "no driving-licence record" refusal is testable.
--
-- The licence number is the 12-digit file number (档案编号), not the resident ID: it is what operators type
-- in authority commands and what may appear in logs.
CREATE TABLE driver_licence (
    licence_number     VARCHAR(20)  PRIMARY KEY,
    resident_id        CHAR(18)     NOT NULL UNIQUE,
    -- as printed on the licence (national script); shown to the applicant
    full_name          VARCHAR(100) NOT NULL,
    -- ISO 18013-5 family_name / given_name, which readers abroad expect in Latin script
    family_name_latin  VARCHAR(50)  NOT NULL,
    given_name_latin   VARCHAR(50)  NOT NULL,
    birth_date         DATE         NOT NULL,
    first_issued_on    DATE         NOT NULL,
    expires_on         DATE         NOT NULL,
    issuing_authority  VARCHAR(100) NOT NULL,
    CHECK (expires_on > first_issued_on)
);

-- One row per class the holder may drive, with the date it was granted; expires_on NULL means the class
-- lapses with the licence.
CREATE TABLE driver_licence_class (
    licence_number  VARCHAR(20) NOT NULL REFERENCES driver_licence (licence_number),
    class_code      VARCHAR(3)  NOT NULL CHECK (class_code ~ '^[A-Z][0-9A-Z]{0,2}$'),
    granted_on      DATE        NOT NULL,
    expires_on      DATE,
    PRIMARY KEY (licence_number, class_code)
);

INSERT INTO driver_licence (licence_number, resident_id, full_name, family_name_latin, given_name_latin, birth_date,
        first_issued_on, expires_on, issuing_authority)
VALUES
    ('110100415823', '11010119900307213X', '张伟', 'ZHANG', 'Wei',   DATE '1990-03-07', DATE '2015-06-18', DATE '2031-06-18', 'Beijing Traffic Management Bureau'),
    ('310100287364', '310104198511230466', '李娜', 'LI',    'Na',    DATE '1985-11-23', DATE '2009-09-03', DATE '2029-09-03', 'Shanghai Traffic Police Corps'),
    ('440300119845', '440305197806141286', '王芳', 'WANG',  'Fang',  DATE '1978-06-14', DATE '2004-03-22', DATE '2030-03-22', 'Shenzhen Traffic Police Bureau'),
    ('510100062741', '510104196901303518', '刘洋', 'LIU',   'Yang',  DATE '1969-01-30', DATE '1995-05-10', DATE '2035-05-10', 'Chengdu Traffic Management Bureau'),
    ('420100338102', '420102197510190843', '黄丽', 'HUANG', 'Li',    DATE '1975-10-19', DATE '2012-11-05', DATE '2028-11-05', 'Wuhan Traffic Management Bureau'),
    ('330100509316', '330106199507090625', '陈静', 'CHEN',  'Jing',  DATE '1995-07-09', DATE '2017-08-21', DATE '2033-08-21', 'Hangzhou Traffic Police Detachment'),
    ('320100174598', '320102198304152206', '孙悦', 'SUN',   'Yue',   DATE '1983-04-15', DATE '2006-01-09', DATE '2036-01-09', 'Nanjing Traffic Management Bureau')
ON CONFLICT (licence_number) DO NOTHING;

INSERT INTO driver_licence_class (licence_number, class_code, granted_on, expires_on)
VALUES
    ('110100415823', 'C1', DATE '2015-06-18', NULL),
    ('310100287364', 'C1', DATE '2009-09-03', NULL),
    ('310100287364', 'D',  DATE '2016-04-11', NULL),
    ('440300119845', 'C1', DATE '2004-03-22', NULL),
    ('510100062741', 'C1', DATE '1995-05-10', NULL),
    ('510100062741', 'B2', DATE '1998-07-15', DATE '2029-07-15'),
    ('420100338102', 'C2', DATE '2012-11-05', NULL),
    ('330100509316', 'C1', DATE '2017-08-21', NULL),
    ('320100174598', 'C1', DATE '2006-01-09', NULL),
    ('320100174598', 'A2', DATE '2013-10-14', DATE '2031-10-14')
ON CONFLICT (licence_number, class_code) DO NOTHING;
