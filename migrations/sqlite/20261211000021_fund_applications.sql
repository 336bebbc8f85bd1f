-- Applications to the heritage fund. A draft keeps what its unit typed, amounts as text, so a
-- refusal never loses anything; submitting reads it whole and records the amounts in fen.
-- One live application per unit, call and category (the unique index decides a race); the
-- files attached are kept in the database so that every server can serve them.
CREATE TABLE fund_applications (
    id              INTEGER PRIMARY KEY,
    call_id         INTEGER NOT NULL REFERENCES fund_calls(id),
    category_id     INTEGER NOT NULL REFERENCES fund_categories(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    status          TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'in_review',
                        'proposed', 'in_notice', 'awarded', 'contracted', 'completed', 'clawed_back', 'declined', 'withdrawn')),
    project         TEXT    NOT NULL DEFAULT '',
    aims            TEXT    NOT NULL DEFAULT '',
    schedule        TEXT    NOT NULL DEFAULT '',
    -- The budget lines as typed: a JSON array of {"item", "amount"}.
    budget_lines    TEXT    NOT NULL DEFAULT '[]',
    requested       TEXT    NOT NULL DEFAULT '',
    cofunding       TEXT    NOT NULL DEFAULT '',
    requested_fen   INTEGER CHECK (requested_fen > 0),
    cofunding_fen   INTEGER CHECK (cofunding_fen >= 0),
    -- Staff's words when they last returned it for completion.
    comment         TEXT,
    submitted_at    INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE UNIQUE INDEX fund_applications_one_live ON fund_applications (organisation_id, call_id, category_id)
    WHERE status <> 'withdrawn';
CREATE INDEX fund_applications_by_call ON fund_applications (call_id, status);

CREATE TABLE fund_attachments (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES fund_applications(id),
    -- The required attachment it answers (as the category names it), or '' for another.
    label          TEXT    NOT NULL DEFAULT '',
    file_name      TEXT    NOT NULL,
    content_type   TEXT    NOT NULL,
    size           INTEGER NOT NULL,
    bytes          BLOB    NOT NULL,
    created_at     INTEGER NOT NULL
);
CREATE INDEX fund_attachments_by_application ON fund_attachments (application_id, id);

-- Units hear by SMS that an application came back for completion, as they hear of decisions
-- on the unit itself.
UPDATE message_settings SET sms = sms || ',application_returned'
    WHERE (',' || sms || ',') LIKE '%,organisation_decided,%' AND (',' || sms || ',') NOT LIKE '%,application_returned,%';
