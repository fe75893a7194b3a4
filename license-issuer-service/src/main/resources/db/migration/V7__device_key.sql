-- The holder's device public key (P-256) each application registered (application-service's
-- application.device-key-registered): signed into the MSO's deviceKeyInfo when the application's credential is signed.
-- The latest registration wins; an application without a row gets a credential without holder binding.
CREATE TABLE device_key (
    application_id UUID        PRIMARY KEY,
    x              BYTEA       NOT NULL,
    y              BYTEA       NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL
);
