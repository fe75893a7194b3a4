-- Issue 12: every status an application moved to, oldest first, as a typed JSON list (StatusChange), for staff's
-- record. Applications opened before this migration start with an empty history: their earlier moves are unknown.
ALTER TABLE application ADD COLUMN status_history JSONB NOT NULL DEFAULT '[]';
