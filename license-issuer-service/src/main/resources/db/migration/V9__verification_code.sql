-- The online-verification QR code (issue 15): "ELV1:" and a random 128-bit code, 32 upper-case hex digits, that
-- names one e-licence row and carries no personal data. POST /api/v1/licences/verify looks it up; a renewal's row
-- gets a new code, so the old QR answers SUPERSEDED. Rows signed before this migration get a code from
-- gen_random_uuid() (122 random bits; PostgreSQL 13+ has it without extensions); new rows get 128 bits from the
-- service's SecureRandom.
ALTER TABLE e_licence ADD COLUMN verification_code VARCHAR(32);
UPDATE e_licence SET verification_code = upper(replace(gen_random_uuid()::text, '-', ''));
ALTER TABLE e_licence ALTER COLUMN verification_code SET NOT NULL;
ALTER TABLE e_licence ADD CONSTRAINT e_licence_verification_code_unique UNIQUE (verification_code);
