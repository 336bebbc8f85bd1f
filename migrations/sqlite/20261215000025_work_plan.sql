-- The demonstration-zone work plan (创建工作方案): its tasks, who keeps each, their milestones,
-- the evidence behind them (links, files, live figures of the platform) and the figures as they
-- read when a milestone was marked done, and residents' comments to a task's lead unit.
-- A task's status is stored only as its owner's word; "overdue" is derived from the dates.

CREATE TABLE plan_tasks (
    id                INTEGER PRIMARY KEY,
    number            INTEGER NOT NULL UNIQUE,
    name              TEXT    NOT NULL,
    summary           TEXT    NOT NULL DEFAULT '',
    lead_unit         TEXT    NOT NULL,
    -- Cooperating units, one per line.
    cooperating_units TEXT    NOT NULL DEFAULT '',
    -- A day in the district, YYYY-MM-DD.
    deadline          TEXT    NOT NULL,
    reported          TEXT    NOT NULL DEFAULT 'not_started'
                      CHECK (reported IN ('not_started', 'on_track', 'at_risk', 'done')),
    note              TEXT    NOT NULL DEFAULT '',
    demo              INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    updated_at        INTEGER NOT NULL
);

CREATE TABLE plan_task_owners (
    task_id  INTEGER NOT NULL REFERENCES plan_tasks(id),
    staff_id INTEGER NOT NULL REFERENCES staff_accounts(id),
    PRIMARY KEY (task_id, staff_id)
);
CREATE INDEX plan_task_owners_by_staff ON plan_task_owners (staff_id);

CREATE TABLE plan_milestones (
    id       INTEGER PRIMARY KEY,
    task_id  INTEGER NOT NULL REFERENCES plan_tasks(id),
    title    TEXT    NOT NULL,
    due_on   TEXT    NOT NULL,
    done_at  INTEGER,
    done_by  INTEGER REFERENCES staff_accounts(id)
);
CREATE INDEX plan_milestones_by_task ON plan_milestones (task_id, due_on, id);

CREATE TABLE plan_evidence (
    id           INTEGER PRIMARY KEY,
    task_id      INTEGER NOT NULL REFERENCES plan_tasks(id),
    kind         TEXT    NOT NULL CHECK (kind IN ('link', 'file', 'indicator')),
    title        TEXT    NOT NULL,
    public       INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
    url          TEXT,
    content_type TEXT,
    size         INTEGER,
    bytes        BLOB,
    measure      TEXT,
    street_id    INTEGER REFERENCES streets(id),
    added_by     INTEGER REFERENCES staff_accounts(id),
    added_at     INTEGER NOT NULL,
    CHECK ((kind = 'link') = (url IS NOT NULL)),
    CHECK ((kind = 'file') = (bytes IS NOT NULL)),
    CHECK ((kind = 'indicator') = (measure IS NOT NULL))
);
CREATE INDEX plan_evidence_by_task ON plan_evidence (task_id, id);

-- A live figure as it read when a milestone was marked done: never changed afterwards.
CREATE TABLE plan_readings (
    milestone_id INTEGER NOT NULL REFERENCES plan_milestones(id),
    evidence_id  INTEGER NOT NULL REFERENCES plan_evidence(id),
    part         INTEGER NOT NULL,
    whole        INTEGER NOT NULL,
    read_at      INTEGER NOT NULL,
    PRIMARY KEY (milestone_id, evidence_id)
);

-- Residents' comments to a task's lead unit: shown only once staff approve them.
CREATE TABLE plan_comments (
    id          INTEGER PRIMARY KEY,
    task_id     INTEGER NOT NULL REFERENCES plan_tasks(id),
    resident_id INTEGER NOT NULL REFERENCES residents(id),
    body        TEXT    NOT NULL,
    sent_at     INTEGER NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'shown', 'hidden')),
    reply       TEXT,
    decided_by  INTEGER REFERENCES staff_accounts(id),
    decided_at  INTEGER
);
CREATE INDEX plan_comments_by_task ON plan_comments (task_id, state, id);
