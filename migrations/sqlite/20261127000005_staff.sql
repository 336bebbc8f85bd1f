-- Staff accounts (separate from residents), their scope, and the append-only audit log.

CREATE TABLE staff_accounts (
    id              INTEGER PRIMARY KEY,
    username        TEXT    NOT NULL UNIQUE,
    display_name    TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    role            TEXT    NOT NULL
                    CHECK (role IN ('district_admin', 'street_admin', 'facility_manager', 'reviewer', 'provider')),
    -- A street admin's street; NULL for district-wide roles.
    street_id       INTEGER REFERENCES streets(id),
    -- A provider's organisation (社会力量), as items name it.
    organisation    TEXT,
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    created_by      INTEGER REFERENCES staff_accounts(id),
    CHECK (role <> 'street_admin' OR street_id IS NOT NULL)
);

-- The facilities a facility manager runs.
CREATE TABLE staff_facilities (
    staff_id    INTEGER NOT NULL REFERENCES staff_accounts(id),
    facility_id INTEGER NOT NULL REFERENCES facilities(id),
    PRIMARY KEY (staff_id, facility_id)
);

-- Every staff write: who, in which role, what, before and after (JSON), when, from where.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    staff_id    INTEGER REFERENCES staff_accounts(id),
    role        TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    object_type TEXT    NOT NULL,
    object_id   INTEGER,
    before      TEXT,
    after       TEXT,
    client      TEXT    NOT NULL DEFAULT '',
    -- 1 for refusals (an attempt outside the staff member's scope), kept beside the writes.
    refused     INTEGER NOT NULL DEFAULT 0 CHECK (refused IN (0, 1))
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_staff ON audit_log (staff_id, at);

-- The application may add to the log, never change or remove it.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Check-ins: who let the resident in, when.
ALTER TABLE bookings ADD COLUMN checked_in_at INTEGER;
ALTER TABLE bookings ADD COLUMN checked_in_by INTEGER REFERENCES staff_accounts(id);
