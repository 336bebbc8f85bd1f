//! Changing a session's booking settings after it was created: its capacity, its booking
//! window and whether it keeps a waitlist. The start and end stay: residents hold tickets for them.

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
}

/// A session's booking settings as they stand (UTC seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingSettings {
    pub opens_at: i64,
    pub closes_at: i64,
    pub waitlist: bool,
}

impl SessionChange {
    /// Whether anything is to change.
    pub fn is_empty(&self) -> bool {
        *self == SessionChange::default()
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
    fn the_window_must_close_after_it_opens_and_before_the_start() {
        let late = SessionChange { booking_closes_at: Some(local(START + 60)), ..Default::default() };
        assert_eq!(late.apply(NOW, START).unwrap_err().field, "booking_closes_at");
        let inverted = SessionChange { booking_opens_at: Some(local(START)), ..Default::default() };
        assert_eq!(inverted.apply(NOW, START).unwrap_err().zh, "预约截止应晚于开放时间");
    }
}
