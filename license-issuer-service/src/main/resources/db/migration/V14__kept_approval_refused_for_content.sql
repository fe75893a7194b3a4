-- A kept approval refused for what it says (poison: it names another applicant, it does not map to its type) holds
-- nothing up; one refused because its handling failed or never finished holds its application's later events until
-- an operator tries it again or discards it (docs/operator-runbook.md, "Licence dead letters"): a withdrawal that could
-- not be handled must not let a later approval issue the licence.
ALTER TABLE approval_awaiting_application ADD COLUMN refused_for_content BOOLEAN NOT NULL DEFAULT false;
-- Rows refused before this column: refused for failing only when the refusal says so.
UPDATE approval_awaiting_application SET refused_for_content = true
 WHERE refused_at IS NOT NULL AND refusal NOT LIKE 'its handling did not finish %'
   AND refusal NOT LIKE '% attempts failed, the last with %';
