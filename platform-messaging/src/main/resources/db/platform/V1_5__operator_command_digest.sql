-- An operator's command claims its id only once it is well-formed and signed by an operator allowed to send it, with
-- the SHA-256 of its JSON (properties sorted, no whitespace). A record refused before that (unsigned, forged,
-- malformed) is de-duplicated by its partition/offset instead, so it no longer uses up the id the operator then sends
-- the corrected command under; and the same id with another command is refused (use a fresh id) instead of being
-- ignored as a redelivery. Rows claimed before have no digest and count as the same command, as they did.
ALTER TABLE operator_command ADD COLUMN value_sha256 TEXT;
