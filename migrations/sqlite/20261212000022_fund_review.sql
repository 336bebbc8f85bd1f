-- Expert review of fund applications: weighted criteria as data, each expert's assignment with
-- their conflict-of-interest declaration and their scores, and the committee's amount.
-- The `expert` staff role is allowed by rebuilding staff_accounts with a wider CHECK, which
-- SQLite can only do with foreign keys off — outside a transaction, so outside sqlx's
-- migrations: `Store::migrate` does it right after them (store/src/schema_fixes.rs).

CREATE TABLE fund_criteria (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    name_en    TEXT    NOT NULL DEFAULT '',
    weight     INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
    position   INTEGER NOT NULL,
    retired    INTEGER NOT NULL DEFAULT 0
);

-- One row per expert assigned to an application: declared (conflict 0 or 1) before they read
-- it; scored once, with the weighted total in hundredths of a point.
CREATE TABLE fund_reviews (
    application_id INTEGER NOT NULL REFERENCES fund_applications(id),
    expert_id      INTEGER NOT NULL REFERENCES staff_accounts(id),
    assigned_by    INTEGER NOT NULL REFERENCES staff_accounts(id),
    assigned_at    INTEGER NOT NULL,
    conflict       INTEGER CHECK (conflict IN (0, 1)),
    statement      TEXT,
    declared_at    INTEGER,
    total          INTEGER CHECK (total BETWEEN 0 AND 10000),
    comment        TEXT,
    scored_at      INTEGER,
    PRIMARY KEY (application_id, expert_id)
);
CREATE INDEX fund_reviews_by_expert ON fund_reviews (expert_id, application_id);

CREATE TABLE fund_scores (
    application_id INTEGER NOT NULL,
    expert_id      INTEGER NOT NULL,
    criterion_id   INTEGER NOT NULL REFERENCES fund_criteria(id),
    points         INTEGER NOT NULL CHECK (points BETWEEN 0 AND 100),
    PRIMARY KEY (application_id, expert_id, criterion_id),
    FOREIGN KEY (application_id, expert_id) REFERENCES fund_reviews(application_id, expert_id)
);

-- The committee's amount, proposed and (after the notice) awarded.
ALTER TABLE fund_applications ADD COLUMN award_fen INTEGER CHECK (award_fen > 0);
ALTER TABLE fund_applications ADD COLUMN decided_at INTEGER;
