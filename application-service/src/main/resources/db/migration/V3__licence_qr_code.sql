-- The QR code the app shows with the licence (a PNG rendered by the licence issuer).
ALTER TABLE application ADD COLUMN licence_qr BYTEA;
