-- Training of cultural staff (示范区创建系列专题培训): courses, their sessions with places, and
-- who enrolled — staff by account, grassroots workers by name, unit and mobile. Attending a
-- session completes its course: the enrolment is marked attended and gets a certificate number.

CREATE TABLE training_courses (
    id            INTEGER PRIMARY KEY,
    topic         TEXT    NOT NULL,
    trainer       TEXT    NOT NULL,
    -- Tenths of an hour: 2.5 hours is 25.
    hours_tenths  INTEGER NOT NULL CHECK (hours_tenths BETWEEN 5 AND 400),
    summary       TEXT    NOT NULL DEFAULT '',
    -- The organising street; NULL for a district course.
    street_id     INTEGER REFERENCES streets(id),
    demo          INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    created_by    INTEGER REFERENCES staff_accounts(id),
    created_at    INTEGER NOT NULL
);

CREATE TABLE training_sessions (
    id         INTEGER PRIMARY KEY,
    course_id  INTEGER NOT NULL REFERENCES training_courses(id),
    starts_at  INTEGER NOT NULL,
    ends_at    INTEGER NOT NULL,
    venue      TEXT    NOT NULL,
    capacity   INTEGER NOT NULL CHECK (capacity > 0),
    -- Places not taken: taken by a conditional UPDATE, so a session is never overfilled.
    remaining  INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= capacity),
    CHECK (ends_at > starts_at)
);
CREATE INDEX training_sessions_by_course ON training_sessions (course_id, starts_at);

CREATE TABLE training_enrolments (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES training_sessions(id),
    course_id      INTEGER NOT NULL REFERENCES training_courses(id),
    -- 'staff:<id>' or 'mobile:<number>': one live enrolment per person and course.
    person         TEXT    NOT NULL,
    staff_id       INTEGER REFERENCES staff_accounts(id),
    name           TEXT    NOT NULL,
    unit           TEXT    NOT NULL,
    -- A worker's mobile (11 digits); NULL for staff.
    mobile         TEXT,
    -- The street the person works in, for the street's figures.
    street_id      INTEGER REFERENCES streets(id),
    code           TEXT    NOT NULL UNIQUE,
    status         TEXT    NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled', 'attended', 'cancelled')),
    enrolled_at    INTEGER NOT NULL,
    enrolled_by    INTEGER REFERENCES staff_accounts(id),
    checked_in_at  INTEGER,
    checked_in_by  INTEGER REFERENCES staff_accounts(id),
    certificate    TEXT    UNIQUE,
    CHECK ((staff_id IS NULL) = (mobile IS NOT NULL)),
    CHECK ((status = 'attended') = (certificate IS NOT NULL))
);
CREATE UNIQUE INDEX training_one_place_per_person ON training_enrolments (course_id, person) WHERE status <> 'cancelled';
CREATE INDEX training_enrolments_by_session ON training_enrolments (session_id, id);
CREATE INDEX training_enrolments_by_staff ON training_enrolments (staff_id);
