-- Fair late promotions: a place freed close to the start is *offered* to the first on the
-- waitlist and held for them until `offered_until`; not accepted by then, the booking has
-- *lapsed* and the place is offered to the next. An offered booking holds its place.
ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_check
    CHECK (status IN ('confirmed', 'waitlisted', 'offered', 'cancelled', 'lapsed', 'attended', 'no_show'));
-- Until when an offered place is held (kept afterwards: messages and history say it).
ALTER TABLE bookings ADD COLUMN offered_until BIGINT;

-- The rule "one active booking per resident per session", enforced by the database itself.
DROP INDEX bookings_one_active_per_resident;
CREATE UNIQUE INDEX bookings_one_active_per_resident
    ON bookings (session_id, resident_id) WHERE status IN ('confirmed', 'waitlisted', 'offered', 'attended');
-- The minute's sweep finds the offers whose hold has ended.
CREATE INDEX bookings_offers ON bookings (offered_until) WHERE status = 'offered';

-- A message about an offer says until when the place is held.
ALTER TABLE messages ADD COLUMN deadline BIGINT;

-- Residents who chose their SMS before offers existed, and wanted to hear by SMS when a
-- waitlist place became theirs, hear of an offered place (held only a while) the same way.
UPDATE message_settings SET sms = sms || ',place_offered'
    WHERE (',' || sms || ',') LIKE '%,waitlist_promoted,%' AND (',' || sms || ',') NOT LIKE '%,place_offered,%';
