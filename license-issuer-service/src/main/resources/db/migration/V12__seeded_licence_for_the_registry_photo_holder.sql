-- The driving licence of ZHOU Ming (350102199805122136), whom idcard-service's V8 adds to the ID registry with a
-- compliant registry photo, so that path ends in an e-licence. Its expiry follows the date as V11 makes the other
-- seeded licences' do: renewed by whole ten-year periods while it would expire within six years of migration.
INSERT INTO driver_licence (licence_number, resident_id, full_name, family_name_latin, given_name_latin, birth_date,
        first_issued_on, expires_on, issuing_authority)
VALUES
    ('350100628417', '350102199805122136', '周明', 'ZHOU', 'Ming', DATE '1998-05-12', DATE '2019-07-02',
     DATE '2035-07-02', 'Fuzhou Traffic Police Detachment')
ON CONFLICT (licence_number) DO NOTHING;

INSERT INTO driver_licence_class (licence_number, class_code, granted_on, expires_on)
VALUES ('350100628417', 'C1', DATE '2019-07-02', NULL)
ON CONFLICT (licence_number, class_code) DO NOTHING;

UPDATE driver_licence
SET expires_on = (expires_on + make_interval(
        years => (10 * CEIL(((CURRENT_DATE + INTERVAL '6 years')::date - expires_on) / 3652.5))::int))::date
WHERE licence_number = '350100628417' AND expires_on < CURRENT_DATE + INTERVAL '6 years';
