-- Every credential's entry in the issuer's Token Status List (draft-ietf-oauth-status-list). The index is signed
-- into the credential (JWS "status" claim, mdoc MSO "status"), so it also tells apart the credentials one licence
-- has had: verification answers for the presented credential, not only for its licence number.
-- Indexes start at 0 as the draft counts them; a number drawn by a signing that then loses a race is never used
-- again and stays VALID (0) in the list, like the list's padding.
CREATE SEQUENCE e_licence_status_index MINVALUE 0 START WITH 0;

ALTER TABLE e_licence ADD COLUMN status_index BIGINT;
-- Credentials signed before this migration carry no index; their rows get one so the list covers every row.
UPDATE e_licence SET status_index = nextval('e_licence_status_index');
ALTER TABLE e_licence ALTER COLUMN status_index SET NOT NULL;
ALTER TABLE e_licence ADD CONSTRAINT e_licence_status_index_unique UNIQUE (status_index);
