-- Money after an award: the agreement, the payments released stage by stage (each once: the
-- key decides a race), the unit's reports they wait for, and money reclaimed.

ALTER TABLE fund_applications ADD COLUMN agreement_no TEXT;
ALTER TABLE fund_applications ADD COLUMN agreement_signed_on TEXT;
ALTER TABLE fund_applications ADD COLUMN clawback_fen INTEGER CHECK (clawback_fen > 0);
ALTER TABLE fund_applications ADD COLUMN clawback_reason TEXT;

CREATE TABLE fund_payments (
    application_id INTEGER NOT NULL REFERENCES fund_applications(id),
    stage          TEXT    NOT NULL CHECK (stage IN ('signing', 'mid_term', 'acceptance')),
    amount_fen     INTEGER NOT NULL CHECK (amount_fen >= 0),
    evidence       TEXT    NOT NULL,
    -- Who released it; none for the demo's past payments.
    paid_by        INTEGER REFERENCES staff_accounts(id),
    paid_at        INTEGER NOT NULL,
    PRIMARY KEY (application_id, stage)
);

CREATE TABLE fund_reports (
    application_id INTEGER NOT NULL REFERENCES fund_applications(id),
    kind           TEXT    NOT NULL CHECK (kind IN ('mid_term', 'final')),
    body           TEXT    NOT NULL,
    submitted_at   INTEGER NOT NULL,
    PRIMARY KEY (application_id, kind)
);
