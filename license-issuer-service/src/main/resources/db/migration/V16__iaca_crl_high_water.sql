-- The latest CRL each IACA has signed that this service has read (IacaCrl): a CRL is never rolled back, also not
-- across a restart or by a second replica that mounts a Secret restored to an older version. The row holds the CRL
-- as the IACA signed it (public data: serials of revoked document signers), keyed by the SHA-256 of the IACA's
-- certificate; it is re-verified against that certificate whenever it is read.
CREATE TABLE iaca_crl_high_water (
    iaca_sha256  CHAR(64)     PRIMARY KEY,
    crl          BYTEA        NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL
);
