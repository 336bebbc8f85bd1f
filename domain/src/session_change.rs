//! Changing a session after it was created: its capacity, its booking window and whether it
//! keeps a waitlist; and moving it — its time, and its place (a room or hall, or another
//! address). Residents keep their tickets when it moves, and are told.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::authoring::FieldError;

/// What a staff member changes; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionChange {
    #[serde(default)]
    pub capacity: Option<i64>,
    #[serde(default)]
    pub booking_opens_at: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub booking_closes_at: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub waitlist: Option<bool>,
    /// A new start; without `ends_at` the session keeps its length.
    #[serde(default)]
    pub starts_at: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub ends_at: Option<DateTime<FixedOffset>>,
    /// Where, within or instead of the facility's address (empty: the facility's address).
    #[serde(default)]
    pub place: Option<String>,
}

/// When and where a session takes place (UTC seconds; `place` beside the facility's address).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: Option<String>,
}

/// The longest place a session can name.
pub const PLACE_MAX_CHARS: usize = 100;

/// A session's booking settings as they stand (UTC seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingSettings {
    pub opens_at: i64,
    pub closes_at: i64,
    pub waitlist: bool,
}

impl BookingSettings {
    /// The window of a session whose start moves from `from` to `to`, at `now` (UTC seconds):
    /// it keeps its shape — its close moves with the start (never past it), and an opening still
    /// to come moves too, while one already past stays (bookings made stay made).
    pub fn moved(self, from: i64, to: i64, now: i64) -> BookingSettings {
        let delta = to - from;
        let closes_at = (self.closes_at + delta).min(to);
        let opens_at = if self.opens_at > now { self.opens_at + delta } else { self.opens_at };
        BookingSettings { opens_at: opens_at.min(closes_at - 60), closes_at, waitlist: self.waitlist }
    }
}

impl SessionChange {
    /// Whether anything is to change.
    pub fn is_empty(&self) -> bool {
        *self == SessionChange::default()
    }

    /// The schedule after the change, checked at `now` (UTC seconds): a new start must be in
    /// the future and before the end; a place is one line of at most [`PLACE_MAX_CHARS`].
    /// `None` when nothing about the schedule changes.
    pub fn schedule(&self, was: &Schedule, now: i64) -> Result<Option<Schedule>, FieldError> {
        let starts_at = self.starts_at.map_or(was.starts_at, |t| t.timestamp());
        let ends_at = match (self.ends_at, self.starts_at) {
            (Some(end), _) => end.timestamp(),
            // Moved as a whole: the same length.
            (None, Some(_)) => starts_at + (was.ends_at - was.starts_at),
            (None, None) => was.ends_at,
        };
        let place = match self.place.as_deref().map(str::trim) {
            None => was.place.clone(),
            Some("") => None,
            Some(text) if text.chars().count() > PLACE_MAX_CHARS || text.chars().any(char::is_control) => {
                return Err(FieldError { field: "place", zh: "地点应为一行，不超过100个字", en: "must be one line of at most 100 characters" });
            }
            Some(text) => Some(text.to_string()),
        };
        if self.starts_at.is_some() && starts_at <= now {
            return Err(FieldError { field: "starts_at", zh: "新的开始时间应在将来", en: "must be in the future" });
        }
        if ends_at <= starts_at {
            return Err(FieldError { field: "ends_at", zh: "结束时间应晚于开始时间", en: "must be after the start" });
        }
        let next = Schedule { starts_at, ends_at, place };
        Ok((next != *was).then_some(next))
    }

    /// The settings after the change, checked: the window must open before it closes, and close
    /// no later than the session starts (`starts_at`, UTC seconds).
    pub fn apply(&self, now: BookingSettings, starts_at: i64) -> Result<BookingSettings, FieldError> {
        let next = BookingSettings {
            opens_at: self.booking_opens_at.map_or(now.opens_at, |t| t.timestamp()),
            closes_at: self.booking_closes_at.map_or(now.closes_at, |t| t.timestamp()),
            waitlist: self.waitlist.unwrap_or(now.waitlist),
        };
        if next.closes_at <= next.opens_at {
            return Err(FieldError {
                field: "booking_closes_at",
                zh: "预约截止应晚于开放时间",
                en: "must be after booking opens",
            });
        }
        if next.closes_at > starts_at {
            return Err(FieldError {
                field: "booking_closes_at",
                zh: "预约截止不能晚于活动开始",
                en: "cannot be after the session starts",
            });
        }
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::local;

    const START: i64 = 1_800_000_000;
    const NOW: BookingSettings =
        BookingSettings { opens_at: START - 86_400, closes_at: START, waitlist: true };

    #[test]
    fn absent_fields_stay_and_present_ones_change() {
        let change = SessionChange { waitlist: Some(false), ..Default::default() };
        assert_eq!(change.apply(NOW, START), Ok(BookingSettings { waitlist: false, ..NOW }));
        let change = SessionChange { booking_closes_at: Some(local(START - 3600)), ..Default::default() };
        assert_eq!(change.apply(NOW, START).unwrap().closes_at, START - 3600);
        assert!(SessionChange::default().is_empty() && !change.is_empty());
    }

    #[test]
    fn a_session_moves_whole_or_by_its_ends_and_names_one_line_of_place() {
        let was = Schedule { starts_at: START, ends_at: START + 7200, place: None };
        let now = START - 86_400;
        let later = SessionChange { starts_at: Some(local(START + 3600)), ..Default::default() };
        assert_eq!(later.schedule(&was, now), Ok(Some(Schedule { starts_at: START + 3600, ends_at: START + 10_800, place: None })));
        let room = SessionChange { place: Some(" 三层排练厅 ".into()), ..Default::default() };
        assert_eq!(room.schedule(&was, now).unwrap().unwrap().place.as_deref(), Some("三层排练厅"));
        let same = SessionChange { ends_at: Some(local(START + 7200)), ..Default::default() };
        assert_eq!(same.schedule(&was, now), Ok(None), "nothing moves");
        let past = SessionChange { starts_at: Some(local(now - 60)), ..Default::default() };
        assert_eq!(past.schedule(&was, now).unwrap_err().field, "starts_at");
        let inverted = SessionChange { ends_at: Some(local(START - 60)), ..Default::default() };
        assert_eq!(inverted.schedule(&was, now).unwrap_err().field, "ends_at");
        let garbled = SessionChange { place: Some("一楼\n<b>大厅</b>".into()), ..Default::default() };
        assert_eq!(garbled.schedule(&was, now).unwrap_err().field, "place");
        assert_eq!(SessionChange { place: Some("厅".repeat(101)), ..Default::default() }.schedule(&was, now).unwrap_err().field, "place");
    }

    #[test]
    fn a_moved_sessions_window_keeps_its_shape() {
        let now = START - 10 * 86_400;
        // Opens in two days, closes an hour before the start: both move with it.
        let window = BookingSettings { opens_at: now + 2 * 86_400, closes_at: START - 3600, waitlist: true };
        let later = window.moved(START, START + 86_400, now);
        assert_eq!((later.opens_at, later.closes_at), (now + 3 * 86_400, START + 86_400 - 3600));
        let earlier = window.moved(START, START - 86_400, now);
        assert_eq!((earlier.opens_at, earlier.closes_at), (now + 86_400, START - 86_400 - 3600));
        // Open already: it stays open; only its close moves.
        let open = BookingSettings { opens_at: now - 3600, ..window };
        assert_eq!(open.moved(START, START + 86_400, now).opens_at, now - 3600);
        // Never a window that closes before it opens.
        let squeezed = BookingSettings { opens_at: now + 5 * 86_400, closes_at: START, waitlist: false }.moved(START, now + 86_400, now);
        assert!(squeezed.opens_at < squeezed.closes_at && squeezed.closes_at <= now + 86_400);
    }

    #[test]
    fn the_window_must_close_after_it_opens_and_before_the_start() {
        let late = SessionChange { booking_closes_at: Some(local(START + 60)), ..Default::default() };
        assert_eq!(late.apply(NOW, START).unwrap_err().field, "booking_closes_at");
        let inverted = SessionChange { booking_opens_at: Some(local(START)), ..Default::default() };
        assert_eq!(inverted.apply(NOW, START).unwrap_err().zh, "预约截止应晚于开放时间");
    }
}
