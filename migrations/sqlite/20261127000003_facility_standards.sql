-- Facility standards (建设标准) per level. Data, not code: district admins edit them.
-- The shipped values are defaults from local rules (street centres ≥ 800 m² and ≥ 42 h a
-- week, community rooms ≥ 200 m² and ≥ 35 h a week, all free of charge); `is_default`
-- stays 1 until someone changes a row, so the interface can say so.

CREATE TABLE facility_standards (
    level                 TEXT    PRIMARY KEY CHECK (level IN ('district', 'street', 'community')),
    min_area_m2           REAL NOT NULL CHECK (min_area_m2 >= 0),
    min_weekly_hours      REAL NOT NULL CHECK (min_weekly_hours >= 0 AND min_weekly_hours <= 168),
    free_opening_required INTEGER NOT NULL DEFAULT 1 CHECK (free_opening_required IN (0, 1)),
    is_default            INTEGER NOT NULL DEFAULT 1 CHECK (is_default IN (0, 1))
);

INSERT INTO facility_standards (level, min_area_m2, min_weekly_hours, free_opening_required) VALUES
    ('district',  2000, 48, 1),
    ('street',     800, 42, 1),
    ('community',  200, 35, 1);
