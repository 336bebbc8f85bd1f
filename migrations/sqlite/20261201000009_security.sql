-- Attempts counted per key (a hashed phone number, client address or staff name) in a window
-- that starts at the first attempt: every server shares them, and each is counted by one
-- atomic statement before any password is checked.
CREATE TABLE attempts (
    key             TEXT    PRIMARY KEY,
    tries           INTEGER NOT NULL,
    window_ends_at  INTEGER NOT NULL
);
CREATE INDEX attempts_window_ends_at ON attempts (window_ends_at);

-- Staff lockouts are attempts like any other now (above), the same for unknown names.
ALTER TABLE staff_accounts DROP COLUMN failed_logins;
ALTER TABLE staff_accounts DROP COLUMN locked_until;

-- A staff member's second factor (TOTP, RFC 6238): the shared secret (base32), when it was
-- confirmed with a first code, and the last time step used (a code works once).
ALTER TABLE staff_accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE staff_accounts ADD COLUMN totp_confirmed_at INTEGER;
ALTER TABLE staff_accounts ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

-- One-time recovery codes, kept hashed.
CREATE TABLE staff_recovery_codes (
    staff_id    INTEGER NOT NULL REFERENCES staff_accounts(id),
    code_hash   TEXT    NOT NULL,
    used_at     INTEGER,
    PRIMARY KEY (staff_id, code_hash)
);
