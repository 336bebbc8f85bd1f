-- How many demands a resident raised lately is counted before each new one (domain::demand::DEMANDS_PER_DAY).
CREATE INDEX demands_by_resident ON demands (created_by, created_at);
