-- Public notice (公示) of the committee's awards: when an application's notice ends, the
-- objections anyone logged in lodges against it, and staff's answer to each. An upheld
-- objection declines the award; one left unanswered keeps it from becoming final.

ALTER TABLE fund_applications ADD COLUMN notice_until INTEGER;

CREATE TABLE fund_objections (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES fund_applications(id),
    resident_id    INTEGER NOT NULL REFERENCES residents(id),
    body           TEXT    NOT NULL,
    lodged_at      INTEGER NOT NULL,
    answer         TEXT,
    upheld         INTEGER CHECK (upheld IN (0, 1)),
    answered_by    INTEGER REFERENCES staff_accounts(id),
    answered_at    INTEGER
);
CREATE INDEX fund_objections_by_application ON fund_objections (application_id, id);

-- Units hear by SMS of a decision on their application, and objectors of the answer, as
-- they hear of a return.
UPDATE message_settings SET sms = sms || ',fund_decision'
    WHERE (',' || sms || ',') LIKE '%,application_returned,%' AND (',' || sms || ',') NOT LIKE '%,fund_decision,%';
UPDATE message_settings SET sms = sms || ',objection_answered'
    WHERE (',' || sms || ',') LIKE '%,demand_answered,%' AND (',' || sms || ',') NOT LIKE '%,objection_answered,%';
