-- 点单: residents' demands per community and category, one vote per resident and demand (the
-- primary key decides races; demands.votes counts them in the same transaction), answered by
-- staff (planned, delivered with the item that delivers it, declined with a reason) or merged
-- into another demand that says the same.
CREATE TABLE demands (
    id           INTEGER PRIMARY KEY,
    category_id  INTEGER NOT NULL REFERENCES categories(id),
    community_id INTEGER NOT NULL REFERENCES communities(id),
    note         TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'open'
                 CHECK (status IN ('open', 'planned', 'delivered', 'declined', 'merged')),
    votes        INTEGER NOT NULL DEFAULT 0,
    answer       TEXT,
    item_id      INTEGER REFERENCES service_items(id),
    merged_into  INTEGER REFERENCES demands(id),
    created_by   INTEGER NOT NULL REFERENCES residents(id),
    created_at   INTEGER NOT NULL,
    answered_at  INTEGER,
    answered_by  INTEGER REFERENCES staff_accounts(id)
);
CREATE INDEX demands_by_place ON demands (community_id, category_id, status);
CREATE INDEX demands_by_votes ON demands (votes, id);

CREATE TABLE demand_votes (
    demand_id   INTEGER NOT NULL REFERENCES demands(id),
    resident_id INTEGER NOT NULL REFERENCES residents(id),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (demand_id, resident_id)
);

-- What a message's news came to (a demand planned, delivered or declined).
ALTER TABLE messages ADD COLUMN outcome TEXT;

-- Residents who chose their SMS before demands existed hear of an answer as they hear of
-- other news that is theirs (a waitlist place).
UPDATE message_settings SET sms = sms || ',demand_answered'
    WHERE (',' || sms || ',') LIKE '%,waitlist_promoted,%' AND (',' || sms || ',') NOT LIKE '%,demand_answered,%';
