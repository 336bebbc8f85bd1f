-- The dashboard counts this week's bookings: every booking made, cancelled, checked in or
-- marked a no-show in a period was last updated in it, so it reads from here, not from all
-- the history.
CREATE INDEX bookings_updated_at ON bookings (updated_at);
