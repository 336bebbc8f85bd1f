-- Messages to residents (issue 16): the inbox, and the SMS outbox in the same rows. A message is
-- written in the transaction of the change it tells of; its SMS is sent later by whichever
-- server claims it first (sms_state 'pending' → 'sending' until sms_due_at → 'sent' or back to
-- 'pending' with a later sms_due_at, 'failed' after the last try; 'none' when it goes to the
-- inbox only).
CREATE TABLE messages (
    id           INTEGER PRIMARY KEY,
    resident_id  INTEGER NOT NULL REFERENCES residents(id),
    kind         TEXT    NOT NULL,
    item_title   TEXT    NOT NULL,
    starts_at    INTEGER,
    booking_id   INTEGER REFERENCES bookings(id),
    -- Why, or what changed, in staff's words (a cancelled session's reason, a new place).
    detail       TEXT,
    created_at   INTEGER NOT NULL,
    read_at      INTEGER,
    sms_state    TEXT    NOT NULL CHECK (sms_state IN ('none', 'pending', 'sending', 'sent', 'failed')),
    sms_attempts INTEGER NOT NULL DEFAULT 0,
    -- When the next try is due ('pending'), or when a claim lapses ('sending').
    sms_due_at   INTEGER,
    sms_sent_at  INTEGER
);
CREATE INDEX messages_resident ON messages (resident_id, id);
CREATE INDEX messages_unread ON messages (resident_id) WHERE read_at IS NULL;
CREATE INDEX messages_sms_due ON messages (sms_due_at) WHERE sms_state IN ('pending', 'sending');
-- One reminder per booking, however many servers look for bookings to remind.
CREATE UNIQUE INDEX messages_one_reminder ON messages (booking_id) WHERE kind = 'reminder';

-- What a resident chose; no row means the defaults (MessageSettings::default).
CREATE TABLE message_settings (
    resident_id INTEGER PRIMARY KEY REFERENCES residents(id),
    -- Kinds that also go by SMS, comma-separated.
    sms         TEXT    NOT NULL,
    reminders   INTEGER NOT NULL CHECK (reminders IN (0, 1))
);
