-- The view's audit says where its photo came from (LastPhotoAudit.source): the ID registry's photo failing is told
-- apart from a portrait the applicant took. Views written before take it from the photo's own audit attempt.
UPDATE application a SET photo_audit = jsonb_set(a.photo_audit, '{source}', to_jsonb(t.source))
FROM photo_audit_attempt t
WHERE jsonb_typeof(a.photo_audit) = 'object' AND a.photo_audit -> 'source' IS NULL
  AND t.photo_id::text = a.photo_audit ->> 'photoId';
