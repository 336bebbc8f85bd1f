-- Scientific evaluation (科学考评): the indicators the district scores by (data it edits; the
-- defaults hold while the table is empty) and each ended period's report, stored once so it
-- never changes when today's data do.

CREATE TABLE evaluation_indicators (
    position INTEGER PRIMARY KEY,
    measure  TEXT    NOT NULL UNIQUE,
    name     TEXT    NOT NULL,
    weight   INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
    target   REAL    NOT NULL CHECK (target > 0),
    rule     TEXT    NOT NULL CHECK (rule IN ('proportional', 'threshold'))
);

CREATE TABLE evaluation_snapshots (
    period    TEXT    NOT NULL,
    -- The street's id, or 0 for the district.
    street_id INTEGER NOT NULL,
    -- The report as JSON: its indicators as they were, the data, the scores.
    report    TEXT    NOT NULL,
    stored_at INTEGER NOT NULL,
    PRIMARY KEY (period, street_id)
);
