-- 非遗专项资金: support categories as data (the fourteen defaults are written by the server
-- when the table is empty, marked is_default; staff change them like any other), and the
-- yearly calls for applications (申报通知), one per year, with their budget in fen and their
-- days (district time, whole days).
CREATE TABLE fund_categories (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    name_en     TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT '',
    cap_fen     INTEGER NOT NULL CHECK (cap_fen > 0),
    -- The required attachments' names, one per line.
    attachments TEXT    NOT NULL DEFAULT '',
    is_default  INTEGER NOT NULL DEFAULT 0,
    retired     INTEGER NOT NULL DEFAULT 0,
    position    INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE fund_calls (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL UNIQUE,
    title       TEXT    NOT NULL,
    budget_fen  INTEGER NOT NULL CHECK (budget_fen > 0),
    opens_on    TEXT    NOT NULL,
    closes_on   TEXT    NOT NULL,
    notice_days INTEGER NOT NULL DEFAULT 7,
    is_demo     INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
