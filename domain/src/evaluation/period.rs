//! The periods an evaluation covers: a quarter (`2026-Q4`) or a year (`2026`), in the
//! district's zone.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::dashboard::Window;
use crate::time::{local, start_of_day};

/// A quarter or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Year(i32),
    Quarter(i32, u32),
}

impl Period {
    /// `2026` or `2026-Q1`…`2026-Q4` (years 2000–2100).
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        let (year, quarter) = match text.split_once(['-', ' ']) {
            Some((year, q)) => (year, Some(q.strip_prefix(['Q', 'q'])?.parse::<u32>().ok().filter(|q| (1..=4).contains(q))?)),
            None => (text, None),
        };
        let year = year.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y))?;
        Some(quarter.map_or(Period::Year(year), |q| Period::Quarter(year, q)))
    }

    /// The quarter `now` falls in.
    pub fn quarter_of(now: i64) -> Period {
        let date = local(now).date_naive();
        Period::Quarter(date.year(), date.month0() / 3 + 1)
    }

    /// Its days, `[from, to)` in UTC seconds.
    pub fn window(self) -> Window {
        let first = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).map_or(0, start_of_day);
        match self {
            Period::Year(y) => Window { from: first(y, 1), to: first(y + 1, 1) },
            Period::Quarter(y, 4) => Window { from: first(y, 10), to: first(y + 1, 1) },
            Period::Quarter(y, q) => Window { from: first(y, q * 3 - 2), to: first(y, q * 3 + 1) },
        }
    }

    /// Whether it is over at `now` (its report may then be stored for good).
    pub fn is_over(self, now: i64) -> bool {
        now >= self.window().to
    }

    /// The quarters before this one (and itself), oldest first, `count` in all: a trend's periods.
    pub fn quarters_to(self, count: u32) -> Vec<Period> {
        let (mut y, mut q) = match self {
            Period::Quarter(y, q) => (y, q),
            Period::Year(y) => (y, 4),
        };
        let mut out = Vec::new();
        for _ in 0..count {
            out.push(Period::Quarter(y, q));
            (y, q) = if q == 1 { (y - 1, 4) } else { (y, q - 1) };
        }
        out.reverse();
        out
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
        }
    }
}
