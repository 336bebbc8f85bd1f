-- Pictures of service items, uploaded by staff. Kept in the database (not on one server's
-- disk) so every server behind the load balancer can serve them. Served at an unguessable
-- token, so a draft's picture is not found by counting ids.
CREATE TABLE item_images (
    id           INTEGER PRIMARY KEY,
    token        TEXT    NOT NULL UNIQUE,
    item_id      INTEGER NOT NULL REFERENCES service_items(id),
    content_type TEXT    NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    bytes        BLOB    NOT NULL,
    created_by   INTEGER REFERENCES staff_accounts(id),
    created_at   INTEGER NOT NULL
);
CREATE INDEX item_images_item ON item_images (item_id);
-- The picture residents see; older ones stay for the audit trail.
ALTER TABLE service_items ADD COLUMN image_id INTEGER REFERENCES item_images(id);
