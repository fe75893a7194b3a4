-- Renewal: an authority's RENEW command replaces a licence's credential with a freshly signed one. The replaced
-- row stays, SUPERSEDED, so that verification can tell someone presenting the old credential that it was replaced
-- (and its status list entry reads INVALID); the new row names the row it renews. One live e-licence per licence
-- still holds: the partial unique index of V3 counts only ACTIVE and SUSPENDED rows, and a renewal supersedes the
-- old row before it inserts the new one, in one transaction.
ALTER TABLE e_licence DROP CONSTRAINT e_licence_status_check;
ALTER TABLE e_licence ADD CONSTRAINT e_licence_status_check
    CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'SUPERSEDED'));

-- A renewal is caused by a command, not by an application; the applications holding the licence follow it
-- (licence_decision.e_licence_id is moved to the renewed row).
ALTER TABLE e_licence ALTER COLUMN application_id DROP NOT NULL;
ALTER TABLE e_licence ADD COLUMN renews UUID UNIQUE REFERENCES e_licence (id);
ALTER TABLE e_licence ADD CONSTRAINT e_licence_caused_by_application_or_renewal
    CHECK (application_id IS NOT NULL OR renews IS NOT NULL);

COMMENT ON COLUMN licence_decision.e_licence_id IS
    'the e-licence the application holds now: the one issued or shared, then each renewal of it';
