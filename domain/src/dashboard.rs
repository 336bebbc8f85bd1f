//! The live dashboard's figures: what a district or street admin watches while services run.
//! The store counts; the rules here (periods, rates, chart geometry) need no I/O, so the browser
//! draws with the same code the server tests.

use chrono::{DateTime, Datelike, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::time::{local, start_of_day};

/// A period as UTC seconds, `[from, to)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub from: i64,
    pub to: i64,
}

/// Today in the district, midnight to midnight.
pub fn today(now: i64) -> Window {
    let from = start_of_day(local(now).date_naive());
    Window { from, to: from + 86_400 }
}

/// This week in the district, Monday to Monday.
pub fn this_week(now: i64) -> Window {
    let date = local(now).date_naive();
    let monday = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
    let from = start_of_day(monday);
    Window { from, to: from + 7 * 86_400 }
}

/// What happened in a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeriodFigures {
    /// Places booked in the period (still held, used or missed; not cancelled or waiting).
    pub bookings: u64,
    pub cancellations: u64,
    pub check_ins: u64,
    /// Of the sessions that ended in the period: places used and places missed.
    pub attended: u64,
    pub no_shows: u64,
}

impl PeriodFigures {
    /// Missed ÷ (used + missed) of ended sessions; `None` before any has ended.
    pub fn no_show_rate(&self) -> Option<f64> {
        let ended = self.attended + self.no_shows;
        (ended > 0).then(|| self.no_shows as f64 / ended as f64)
    }
}

/// How full one session is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionFill {
    pub session_id: i64,
    pub title: String,
    pub starts_at: DateTime<FixedOffset>,
    pub held: u64,
    pub capacity: u64,
    pub checked_in: u64,
}

impl SessionFill {
    /// Held ÷ capacity, 0 for a session without places.
    pub fn utilisation(&self) -> f64 {
        if self.capacity == 0 {
            0.0
        } else {
            self.held as f64 / self.capacity as f64
        }
    }
}

/// A label and its count (an item, a category, a street).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Count {
    pub label: String,
    /// The English label, when there is one (items have none).
    #[serde(default)]
    pub label_en: String,
    pub count: u64,
}

/// How satisfied residents were with one street's or category's services: of the shown
/// reviews, how many gave 4 or 5 stars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Satisfaction {
    pub label: String,
    #[serde(default)]
    pub label_en: String,
    pub reviews: u64,
    pub satisfied: u64,
}

impl Satisfaction {
    /// Satisfied ÷ reviews; `None` without reviews.
    pub fn rate(&self) -> Option<f64> {
        (self.reviews > 0).then(|| self.satisfied as f64 / self.reviews as f64)
    }

    /// The rate over all of `parts` (every review counted once: parts that do not overlap).
    pub fn overall(parts: &[Satisfaction]) -> Option<f64> {
        let (reviews, satisfied) = parts.iter().fold((0, 0), |(r, s), p| (r + p.reviews, s + p.satisfied));
        (reviews > 0).then(|| satisfied as f64 / reviews as f64)
    }
}

/// Everything the dashboard shows, for the district or one street.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dashboard {
    /// The street's name, or `None` for the whole district.
    pub street: Option<String>,
    /// The street's English name, or `None` for the whole district.
    pub street_en: Option<String>,
    pub generated_at: DateTime<FixedOffset>,
    pub today: PeriodFigures,
    pub week: PeriodFigures,
    /// Today's sessions, soonest first.
    pub sessions_today: Vec<SessionFill>,
    /// This week's most booked items.
    pub top_items: Vec<Count>,
    /// This week's bookings per category and per street.
    pub by_category: Vec<Count>,
    pub by_street: Vec<Count>,
    pub compliance_rate: Option<f64>,
    pub community_coverage_rate: Option<f64>,
    pub street_coverage_rate: Option<f64>,
    /// Residents' satisfaction over every shown review (4–5 stars), overall, per street and
    /// per category.
    #[serde(default)]
    pub satisfaction_rate: Option<f64>,
    #[serde(default)]
    pub satisfaction_by_street: Vec<Satisfaction>,
    #[serde(default)]
    pub satisfaction_by_category: Vec<Satisfaction>,
    /// 点单: demands waiting for an answer (open), answered ones (planned, delivered,
    /// declined), and the most wanted open ones (votes).
    #[serde(default)]
    pub demands_open: u64,
    #[serde(default)]
    pub demands_answered: u64,
    #[serde(default)]
    pub top_demands: Vec<Count>,
}

/// One bar of a horizontal bar chart, in SVG user units.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub label: String,
    pub count: u64,
}

/// Lays out `counts` as horizontal bars in a `width` × `height` box, the longest bar filling
/// the width; an empty list gives no bars, all-zero counts give zero-width bars.
pub fn bars(counts: &[Count], width: f64, height: f64) -> Vec<Bar> {
    let most = counts.iter().map(|c| c.count).max().unwrap_or(0).max(1) as f64;
    let slot = height / counts.len().max(1) as f64;
    counts
        .iter()
        .enumerate()
        .map(|(i, c)| Bar {
            y: i as f64 * slot + slot * 0.15,
            width: width * c.count as f64 / most,
            height: slot * 0.7,
            label: c.label.clone(),
            count: c.count,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-27 is a Friday; 12:00 in the district is 04:00 UTC.
    const FRIDAY_NOON: i64 = 1_795_752_000;

    #[test]
    fn today_and_this_week_follow_the_districts_calendar() {
        let day = today(FRIDAY_NOON);
        assert_eq!(local(day.from).to_rfc3339(), "2026-11-27T00:00:00+08:00");
        assert_eq!(day.to - day.from, 86_400);
        let week = this_week(FRIDAY_NOON);
        assert_eq!(local(week.from).to_rfc3339(), "2026-11-23T00:00:00+08:00", "Monday");
        assert_eq!(local(week.to).to_rfc3339(), "2026-11-30T00:00:00+08:00");
        let sunday_night = local(week.to).timestamp() - 1;
        assert_eq!(this_week(sunday_night), week, "Sunday 23:59:59 is still this week");
    }

    #[test]
    fn the_no_show_rate_counts_only_ended_places() {
        let figures = PeriodFigures { attended: 30, no_shows: 10, bookings: 99, ..Default::default() };
        assert_eq!(figures.no_show_rate(), Some(0.25));
        assert_eq!(PeriodFigures::default().no_show_rate(), None);
    }

    #[test]
    fn the_longest_bar_fills_the_width_and_bars_share_the_height() {
        let counts = [
            Count { label: "八角".into(), label_en: String::new(), count: 40 },
            Count { label: "古城".into(), label_en: String::new(), count: 10 },
        ];
        let laid = bars(&counts, 200.0, 100.0);
        assert_eq!((laid[0].width, laid[1].width), (200.0, 50.0));
        assert!((laid[1].y - 57.5).abs() < 1e-9 && (laid[0].height - 35.0).abs() < 1e-9);
        let zeros = bars(&[Count { label: "x".into(), label_en: String::new(), count: 0 }], 200.0, 100.0);
        assert_eq!(zeros[0].width, 0.0);
        assert!(bars(&[], 200.0, 100.0).is_empty());
    }
}
