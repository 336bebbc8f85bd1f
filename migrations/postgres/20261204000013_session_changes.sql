-- Staff cancel a session (with the reason residents are told) or move it: its time, and the
-- place within or instead of its facility's address (a room, a hall), which tickets show.
ALTER TABLE sessions ADD COLUMN cancel_reason TEXT;
ALTER TABLE sessions ADD COLUMN place TEXT;
