-- Fair late promotions: a place freed close to the start is *offered* to the first on the
-- waitlist and held for them until `offered_until`; not accepted by then, the booking has
-- *lapsed* and the place is offered to the next. An offered booking holds its place.
--
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt with the same rows
-- and ids. The rows wait in a temporary copy while `bookings` is dropped and made anew, and come
-- back into the table of that name: the foreign keys pointing at them (messages, idempotency
-- keys) are checked at the commit, and find them again. (Renaming a new table into place does
-- not: SQLite counts the rows dropped from under their foreign keys as violations.)
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE bookings_copy AS SELECT * FROM bookings;
DROP TABLE bookings;
CREATE TABLE bookings (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES sessions(id),
    resident_id   INTEGER NOT NULL REFERENCES residents(id),
    status        TEXT    NOT NULL
                  CHECK (status IN ('confirmed', 'waitlisted', 'offered', 'cancelled', 'lapsed', 'attended', 'no_show')),
    -- The ticket code: random, unguessable, printed under the QR code.
    code          TEXT    NOT NULL UNIQUE,
    created_at    INTEGER NOT NULL,
    -- When the status last changed (confirmation, promotion, cancellation, no-show).
    updated_at    INTEGER NOT NULL,
    checked_in_at INTEGER,
    checked_in_by INTEGER REFERENCES staff_accounts(id),
    -- Until when an offered place is held (kept afterwards: messages and history say it).
    offered_until INTEGER
);
INSERT INTO bookings (id, session_id, resident_id, status, code, created_at, updated_at, checked_in_at, checked_in_by)
    SELECT id, session_id, resident_id, status, code, created_at, updated_at, checked_in_at, checked_in_by FROM bookings_copy;
DROP TABLE bookings_copy;

-- The rule "one active booking per resident per session", enforced by the database itself.
CREATE UNIQUE INDEX bookings_one_active_per_resident
    ON bookings (session_id, resident_id) WHERE status IN ('confirmed', 'waitlisted', 'offered', 'attended');
-- Waitlist order is booking id order within a session.
CREATE INDEX bookings_session_status ON bookings (session_id, status, id);
CREATE INDEX bookings_resident ON bookings (resident_id, id);
CREATE INDEX bookings_updated_at ON bookings (updated_at);
-- The minute's sweep finds the offers whose hold has ended.
CREATE INDEX bookings_offers ON bookings (offered_until) WHERE status = 'offered';

-- A message about an offer says until when the place is held.
ALTER TABLE messages ADD COLUMN deadline INTEGER;

-- Residents who chose their SMS before offers existed, and wanted to hear by SMS when a
-- waitlist place became theirs, hear of an offered place (held only a while) the same way.
UPDATE message_settings SET sms = sms || ',place_offered'
    WHERE (',' || sms || ',') LIKE '%,waitlist_promoted,%' AND (',' || sms || ',') NOT LIKE '%,place_offered,%';
