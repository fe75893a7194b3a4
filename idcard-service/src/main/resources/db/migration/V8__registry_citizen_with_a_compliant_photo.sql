-- A citizen whose registry photo meets the licence rules (citizen-3.jpg, a real compliant portrait: registry-photos/
-- SOURCES.md), so the office's first step, the ID card's photo taken from the registry and audited, can pass and
-- reach a licence without any upload. Both earlier photo holders' photos fail the audit (a cap; a smile and a small
-- face). docs/idcard.md lists the seed.
INSERT INTO registry_citizen
    (resident_id, full_name, full_name_latin, sex, birth_date, card_issued_on, card_expires_on, photo_file)
VALUES
    ('350102199805122136', '周明', 'ZHOU Ming', 'M', DATE '1998-05-12', DATE '2020-03-15', DATE '2030-03-15',
     'citizen-3.jpg')
ON CONFLICT (resident_id) DO NOTHING;
