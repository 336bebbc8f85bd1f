-- Fair late promotions: a place freed close to the start is *offered* to the first on the
-- waitlist and held for them until `offered_until`; not accepted by then, the booking has
-- *lapsed* and the place is offered to the next. An offered booking holds its place.
--
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt with the same rows
-- and ids; the foreign keys that point at it are checked when this migration commits.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE bookings_new (
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
INSERT INTO bookings_new (id, session_id, resident_id, status, code, created_at, updated_at, checked_in_at, checked_in_by)
    SELECT id, session_id, resident_id, status, code, created_at, updated_at, checked_in_at, checked_in_by FROM bookings;
DROP TABLE bookings;
ALTER TABLE bookings_new RENAME TO bookings;

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
