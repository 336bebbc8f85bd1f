-- The catalogue and the three-level facility network (区—街道—社区).
-- Times are UTC seconds (INTEGER); the district's zone is applied at the edges.
-- Flags are 0/1 integers: sqlx's Any driver cannot read SQLite booleans.
-- `is_demo` marks rows loaded by `culture-cloud seed demo`.

CREATE TABLE streets (
    id       INTEGER PRIMARY KEY,
    slug     TEXT    NOT NULL UNIQUE,
    name     TEXT    NOT NULL,
    name_en  TEXT    NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    is_demo  INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
);

CREATE TABLE communities (
    id        INTEGER PRIMARY KEY,
    street_id INTEGER NOT NULL REFERENCES streets(id),
    name      TEXT    NOT NULL,
    is_demo   INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    UNIQUE (street_id, name)
);

CREATE TABLE facilities (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    level         TEXT    NOT NULL CHECK (level IN ('district', 'street', 'community')),
    kind          TEXT    NOT NULL DEFAULT 'other',
    street_id     INTEGER NOT NULL REFERENCES streets(id),
    community_id  INTEGER REFERENCES communities(id),
    address       TEXT    NOT NULL,
    lat           REAL    NOT NULL,
    lng           REAL    NOT NULL,
    area_m2       REAL,
    -- Weekly hours as rules like '2-7 09:00-11:30,14:00-20:00' (see domain::opening);
    -- weekly totals and "open now" are derived from it. NULL: not on record.
    opening_hours TEXT,
    free_opening  INTEGER CHECK (free_opening IN (0, 1)),
    is_demo       INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
);

CREATE TABLE categories (
    id       INTEGER PRIMARY KEY,
    slug     TEXT    NOT NULL UNIQUE,
    name     TEXT    NOT NULL,
    name_en  TEXT    NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE audiences (
    id       INTEGER PRIMARY KEY,
    slug     TEXT    NOT NULL UNIQUE,
    name     TEXT    NOT NULL,
    name_en  TEXT    NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE service_items (
    id              INTEGER PRIMARY KEY,
    title           TEXT    NOT NULL,
    description     TEXT    NOT NULL,
    provider        TEXT    NOT NULL,
    category_id     INTEGER NOT NULL REFERENCES categories(id),
    audience_id     INTEGER NOT NULL REFERENCES audiences(id),
    facility_id     INTEGER NOT NULL REFERENCES facilities(id),
    free            INTEGER NOT NULL DEFAULT 1 CHECK (free IN (0, 1)),
    price_cents     INTEGER,
    status          TEXT    NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'submitted', 'returned', 'published', 'archived')),
    popularity      INTEGER NOT NULL DEFAULT 0,
    title_pinyin    TEXT    NOT NULL DEFAULT '',
    title_initials  TEXT    NOT NULL DEFAULT '',
    -- lower(title + description), so search does not lower-case every row per query.
    search_text     TEXT    NOT NULL DEFAULT '',
    -- Start of the next published session; 253402300799 (9999-12-31) when there is none.
    -- Kept by the store on every session write and swept as sessions begin, so the
    -- catalogue can page by date from an index instead of aggregating sessions per request.
    next_session_at INTEGER NOT NULL DEFAULT 253402300799,
    created_at      INTEGER NOT NULL,
    is_demo         INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
);
CREATE INDEX service_items_status_category ON service_items (status, category_id);
CREATE INDEX service_items_by_date ON service_items (status, next_session_at, id);
CREATE INDEX service_items_by_popularity ON service_items (status, popularity, id);
CREATE INDEX service_items_facility ON service_items (facility_id);

CREATE TABLE sessions (
    id                INTEGER PRIMARY KEY,
    item_id           INTEGER NOT NULL REFERENCES service_items(id),
    starts_at         INTEGER NOT NULL,
    ends_at           INTEGER NOT NULL,
    capacity          INTEGER NOT NULL CHECK (capacity >= 0),
    remaining         INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= capacity),
    booking_opens_at  INTEGER NOT NULL,
    booking_closes_at INTEGER NOT NULL,
    waitlist          INTEGER NOT NULL DEFAULT 1 CHECK (waitlist IN (0, 1)),
    status            TEXT    NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'cancelled')),
    CHECK (ends_at > starts_at),
    CHECK (booking_closes_at > booking_opens_at)
);
CREATE INDEX sessions_item_start ON sessions (item_id, starts_at);
CREATE INDEX sessions_start ON sessions (starts_at);
