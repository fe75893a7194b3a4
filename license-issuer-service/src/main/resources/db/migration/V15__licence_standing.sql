-- An authority's SUSPEND or REVOKE of a licence that has no e-licence yet (the driver has not applied, or the
-- approval is still on its way): kept here, so that the licence's first e-licence starts from it instead of the
-- command being refused UNKNOWN_LICENCE and forgotten. A REVOKED licence is refused (LICENCE_REVOKED) when an
-- application for it is approved; a SUSPENDED one is signed and starts SUSPENDED, and its row is then deleted: the
-- e-licence carries the status from there on. REINSTATE deletes a SUSPENDED row. ACTIVE is the absence of a row.
CREATE TABLE licence_standing (
    licence_number  VARCHAR(20)  PRIMARY KEY REFERENCES driver_licence (licence_number),
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('SUSPENDED', 'REVOKED')),
    reason          VARCHAR(500),
    changed_at      TIMESTAMPTZ  NOT NULL
);
