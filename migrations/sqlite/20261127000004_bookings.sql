-- Resident accounts, their bookings (with the waitlist), idempotency keys and web sessions.
-- A place is *held* by a confirmed, attended or no-show booking: sessions.remaining is always
-- capacity minus the places held, kept in the same write transaction as the booking row.

CREATE TABLE residents (
    id            INTEGER PRIMARY KEY,
    -- Normalised 11-digit mainland mobile number; shown masked everywhere.
    phone         TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    is_demo       INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
);

-- One pending SMS verification code per number (hashed: the table never holds a usable code).
CREATE TABLE phone_codes (
    phone      TEXT    PRIMARY KEY,
    code_hash  TEXT    NOT NULL,
    sent_at    INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE bookings (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    resident_id INTEGER NOT NULL REFERENCES residents(id),
    status      TEXT    NOT NULL
                CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'attended', 'no_show')),
    -- The ticket code: random, unguessable, printed under the QR code.
    code        TEXT    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    -- When the status last changed (confirmation, promotion, cancellation, no-show).
    updated_at  INTEGER NOT NULL
);
-- The rule "one active booking per resident per session", enforced by the database itself.
CREATE UNIQUE INDEX bookings_one_active_per_resident
    ON bookings (session_id, resident_id) WHERE status IN ('confirmed', 'waitlisted', 'attended');
-- Waitlist order is booking id order within a session.
CREATE INDEX bookings_session_status ON bookings (session_id, status, id);
CREATE INDEX bookings_resident ON bookings (resident_id, id);

-- A repeated POST with the same Idempotency-Key returns the booking the first one made.
CREATE TABLE idempotency_keys (
    resident_id INTEGER NOT NULL REFERENCES residents(id),
    key         TEXT    NOT NULL,
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    booking_id  INTEGER NOT NULL REFERENCES bookings(id),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (resident_id, key)
);

-- Login sessions (tower-sessions records as JSON), shared by every server on one database.
CREATE TABLE web_sessions (
    id         TEXT    PRIMARY KEY,
    data       TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);

-- Server-wide values every server on one database must share (the ticket signing secret).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
