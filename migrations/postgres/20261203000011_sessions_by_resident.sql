-- A resident's login sessions can be found (and ended, after a password reset) by resident:
-- the session layer writes the resident's id beside the session's data.
ALTER TABLE web_sessions ADD COLUMN resident_id BIGINT;
UPDATE web_sessions SET resident_id = (data::jsonb ->> 'resident_id')::bigint;
CREATE INDEX web_sessions_resident ON web_sessions (resident_id);
