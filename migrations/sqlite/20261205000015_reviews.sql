-- Reviews (评价): one per attended booking, 1 to 5 stars and an optional plain-text comment.
-- item_id and facility_id are copied from the booking's session so averages are one indexed
-- read; a moderator hides a review (with the reason its author is told), which leaves it out of
-- every average and list but keeps it for the record.
CREATE TABLE reviews (
    id            INTEGER PRIMARY KEY,
    booking_id    INTEGER NOT NULL UNIQUE REFERENCES bookings(id),
    resident_id   INTEGER NOT NULL REFERENCES residents(id),
    item_id       INTEGER NOT NULL REFERENCES service_items(id),
    facility_id   INTEGER NOT NULL REFERENCES facilities(id),
    stars         INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment       TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    hidden_at     INTEGER,
    hidden_by     INTEGER REFERENCES staff_accounts(id),
    hidden_reason TEXT
);
CREATE INDEX reviews_item_shown ON reviews (item_id, id) WHERE hidden_at IS NULL;
CREATE INDEX reviews_facility_shown ON reviews (facility_id) WHERE hidden_at IS NULL;
CREATE INDEX reviews_recent ON reviews (id);
