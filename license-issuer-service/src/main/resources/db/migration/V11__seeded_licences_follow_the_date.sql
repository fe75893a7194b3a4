-- The seeded licences (V2) are fictional, and their expiry dates were fixed when they were written: once the
-- real date passed one, its holder could no longer get an e-licence (the issuer refuses an expired licence), and
-- the local run's seeded people and the tests that apply as them would stop working on that day with no change
-- in the code (the first, HUANG Li, on 2028-11-05). Each seeded licence that would expire within six years of the
-- day this database is migrated is renewed as the authorities renew one, by whole ten-year periods from its
-- expiry date (2028-11-05 becomes 2038-11-05 when migrated in 2026). Only the seed's own licence numbers are
-- touched; a database migrated long ago keeps the dates it was given then, as a registry does.
UPDATE driver_licence
SET expires_on = (expires_on + make_interval(
        years => (10 * CEIL(((CURRENT_DATE + INTERVAL '6 years')::date - expires_on) / 3652.5))::int))::date
WHERE licence_number IN ('110100415823', '310100287364', '440300119845', '510100062741', '420100338102',
                         '330100509316', '320100174598')
  AND expires_on < CURRENT_DATE + INTERVAL '6 years';
