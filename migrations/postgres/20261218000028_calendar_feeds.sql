-- A resident's own calendar feed lives at a secret address (/api/v1/feeds/me/{secret}.ics)
-- that calendar apps fetch without a login; resetting it makes the old address answer 404.

CREATE TABLE calendar_feeds (
    resident_id BIGINT PRIMARY KEY REFERENCES residents(id),
    secret      TEXT    NOT NULL UNIQUE,
    created_at  BIGINT  NOT NULL
);
