-- 非遗: the registry of representative intangible cultural heritage projects (非遗代表性项目), their
-- representative inheritors (代表性传承人), the places where they are practised (a layer on the
-- map), their pictures (kept in the database, served at an unguessable token like items'), and
-- the catalogue services that let residents experience them. Category and level are checked in
-- `cc_domain::heritage`; the CHECKs keep a stray write out.
CREATE TABLE heritage_projects (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    category        TEXT    NOT NULL CHECK (category IN ('folk-literature', 'music', 'dance', 'drama', 'quyi',
                        'sports', 'art', 'craft', 'medicine', 'folklore')),
    level           TEXT    NOT NULL CHECK (level IN ('national', 'municipal', 'district')),
    year_listed     INTEGER NOT NULL,
    protecting_unit TEXT    NOT NULL,
    description     TEXT    NOT NULL,
    demo            INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX heritage_by_level ON heritage_projects (level, year_listed, id);

CREATE TABLE heritage_inheritors (
    project_id INTEGER NOT NULL REFERENCES heritage_projects(id),
    position   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    level      TEXT    NOT NULL CHECK (level IN ('national', 'municipal', 'district')),
    year_named INTEGER,
    PRIMARY KEY (project_id, position)
);

CREATE TABLE heritage_places (
    project_id INTEGER NOT NULL REFERENCES heritage_projects(id),
    position   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    lat        REAL    NOT NULL,
    lng        REAL    NOT NULL,
    PRIMARY KEY (project_id, position)
);

CREATE TABLE heritage_images (
    id           INTEGER PRIMARY KEY,
    token        TEXT    NOT NULL UNIQUE,
    project_id   INTEGER NOT NULL REFERENCES heritage_projects(id),
    content_type TEXT    NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    bytes        BLOB    NOT NULL,
    created_by   INTEGER REFERENCES staff_accounts(id),
    created_at   INTEGER NOT NULL
);
CREATE INDEX heritage_images_by_project ON heritage_images (project_id, id);

-- The project a service lets residents experience or see performed (体验/展演).
ALTER TABLE service_items ADD COLUMN heritage_project_id INTEGER REFERENCES heritage_projects(id);
CREATE INDEX service_items_by_heritage ON service_items (heritage_project_id);
