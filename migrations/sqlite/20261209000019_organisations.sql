-- Organisations (保护单位, 传承人工作室, 社会组织): units that apply to the heritage fund and,
-- later, provide services. A unit is registered by its contact person — a resident, so the
-- contact's mobile number is verified by SMS — one unit per contact account; its unified
-- social credit code is unique; district staff verify it (or reject it with a reason, or
-- disable it later) before it may apply.
CREATE TABLE organisations (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    credit_code     TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL CHECK (kind IN ('protecting_unit', 'studio', 'social_organisation')),
    contact_name    TEXT    NOT NULL,
    contact_id      INTEGER NOT NULL UNIQUE REFERENCES residents(id),
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected', 'disabled')),
    status_reason   TEXT,
    decided_by      INTEGER REFERENCES staff_accounts(id),
    decided_at      INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX organisations_by_status ON organisations (status, id);


-- Residents who chose their SMS before units existed hear of a decision on theirs as they hear
-- of other news that is theirs (a waitlist place).
UPDATE message_settings SET sms = sms || ',organisation_decided'
    WHERE (',' || sms || ',') LIKE '%,waitlist_promoted,%' AND (',' || sms || ',') NOT LIKE '%,organisation_decided,%';
