-- The search index lives in each server's memory (tantivy) and follows the database: every
-- write that changes what search sees bumps the one catalogue version and stamps the items it
-- touched with it, so a server catches up by reading the items stamped after the version it
-- last indexed. On PostgreSQL the bump's row lock orders those writes, so stamps commit in
-- the order they were taken.
CREATE TABLE search_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO search_state (id, version) VALUES (1, 1);

ALTER TABLE service_items ADD COLUMN search_version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX service_items_search_version ON service_items (search_version);
