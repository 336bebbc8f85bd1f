//! Weekly opening hours: parsed from a compact text form, asked "open now?", summed per week.
//!
//! The stored form is `DAYS HH:MM-HH:MM[,HH:MM-HH:MM…]` rules joined by `;`, days numbered
//! 1 (Monday) to 7 (Sunday) as single days or ranges: `2-7 09:00-11:30,14:00-20:00` is
//! "Tuesday to Sunday, 9 to 11:30 and 2 to 8 pm". Weekly hours are derived from it, never typed.

use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use serde::{Deserialize, Serialize};

use crate::Locale;

/// A facility's regular week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklyHours {
    rules: Vec<Rule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Rule {
    /// Days as 1 = Monday … 7 = Sunday, inclusive.
    first_day: u8,
    last_day: u8,
    /// Minutes after midnight, `[open, close)`.
    intervals: Vec<(u16, u16)>,
}

/// Why an opening-hours text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("opening hours `{text}` are not in the form `2-7 09:00-17:00; 1 14:00-17:00`")]
pub struct OpeningHoursError {
    pub text: String,
}

impl WeeklyHours {
    /// Parses the stored form; overlapping or backwards times are refused.
    pub fn parse(text: &str) -> Result<WeeklyHours, OpeningHoursError> {
        let err = || OpeningHoursError { text: text.to_string() };
        let mut rules = Vec::new();
        for rule in text.split(';').map(str::trim).filter(|r| !r.is_empty()) {
            let (days, times) = rule.split_once(' ').ok_or_else(err)?;
            let (first_day, last_day) = match days.split_once('-') {
                Some((a, b)) => (a.parse().map_err(|_| err())?, b.parse().map_err(|_| err())?),
                None => {
                    let d = days.parse().map_err(|_| err())?;
                    (d, d)
                }
            };
            if !(1..=7).contains(&first_day) || !(first_day..=7).contains(&last_day) {
                return Err(err());
            }
            let mut intervals = Vec::new();
            for span in times.split(',').map(str::trim) {
                let (open, close) = span.split_once('-').ok_or_else(err)?;
                let (open, close) = (minutes(open).ok_or_else(err)?, minutes(close).ok_or_else(err)?);
                if close <= open || intervals.last().is_some_and(|&(_, prev_close)| open < prev_close) {
                    return Err(err());
                }
                intervals.push((open, close));
            }
            rules.push(Rule { first_day, last_day, intervals });
        }
        if rules.is_empty() {
            return Err(err());
        }
        Ok(WeeklyHours { rules })
    }

    /// Whether the facility is open at `t` (a time in the district's zone).
    pub fn is_open_at(&self, t: &DateTime<FixedOffset>) -> bool {
        let day = t.weekday().number_from_monday() as u8;
        let minute = (t.hour() * 60 + t.minute()) as u16;
        self.rules.iter().any(|r| {
            (r.first_day..=r.last_day).contains(&day)
                && r.intervals.iter().any(|&(open, close)| (open..close).contains(&minute))
        })
    }

    /// Opening hours per week (days counted once even if two rules name them).
    pub fn hours_per_week(&self) -> f64 {
        let minutes: u32 = (1..=7u8)
            .map(|day| {
                let mut spans: Vec<(u16, u16)> = self
                    .rules
                    .iter()
                    .filter(|r| (r.first_day..=r.last_day).contains(&day))
                    .flat_map(|r| r.intervals.iter().copied())
                    .collect();
                spans.sort();
                let mut total = 0u32;
                let mut end = 0u16;
                for (open, close) in spans {
                    let start = open.max(end);
                    if close > start {
                        total += u32::from(close - start);
                        end = close;
                    }
                }
                total
            })
            .sum();
        f64::from(minutes) / 60.0
    }

    /// The week as people read it: "周二至周日 09:00–11:30、14:00–20:00".
    pub fn describe(&self, locale: Locale) -> String {
        const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
        const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let names = if locale == Locale::Zh { ZH } else { EN };
        self.rules
            .iter()
            .map(|r| {
                let (a, b) = (names[r.first_day as usize - 1], names[r.last_day as usize - 1]);
                let days = match (r.first_day == r.last_day, locale) {
                    (true, _) => a.to_string(),
                    (false, Locale::Zh) => format!("{a}至{b}"),
                    (false, Locale::En) => format!("{a}–{b}"),
                };
                let sep = if locale == Locale::Zh { "、" } else { ", " };
                let times: Vec<String> =
                    r.intervals.iter().map(|&(o, c)| format!("{}–{}", clock(o), clock(c))).collect();
                format!("{days} {}", times.join(sep))
            })
            .collect::<Vec<_>>()
            .join(if locale == Locale::Zh { "；" } else { "; " })
    }
}

fn minutes(hhmm: &str) -> Option<u16> {
    let (h, m) = hhmm.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 24 * 60).then_some(h * 60 + m)
}

fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::district_zone;
    use chrono::TimeZone;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<FixedOffset> {
        district_zone().with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn a_split_day_is_open_in_both_parts_and_closed_between() {
        let hours = WeeklyHours::parse("2-7 09:00-11:30,14:00-20:00").unwrap();
        // 2026-12-01 is a Tuesday.
        assert!(hours.is_open_at(&at(2026, 12, 1, 9, 0)));
        assert!(!hours.is_open_at(&at(2026, 12, 1, 11, 30)), "closing time is closed");
        assert!(!hours.is_open_at(&at(2026, 12, 1, 12, 0)));
        assert!(hours.is_open_at(&at(2026, 12, 1, 19, 59)));
        assert!(!hours.is_open_at(&at(2026, 11, 30, 10, 0)), "closed on Mondays");
    }

    #[test]
    fn weekly_hours_are_summed_without_counting_overlaps_twice() {
        assert_eq!(WeeklyHours::parse("2-7 09:00-11:30,14:00-20:00").unwrap().hours_per_week(), 51.0);
        assert_eq!(WeeklyHours::parse("1-7 09:00-17:00; 6-7 16:00-18:00").unwrap().hours_per_week(), 58.0);
    }

    #[test]
    fn malformed_hours_are_refused() {
        for bad in [
            "",
            "8 09:00-10:00",
            "2-1 09:00-10:00",
            "1-5 10:00-09:00",
            "1-5 9-17",
            "mon 09:00-10:00",
            "1-5 09:00-12:00,11:00-13:00",
            "1-5 25:00-26:00",
        ] {
            assert!(WeeklyHours::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn hours_read_naturally_in_both_languages() {
        let hours = WeeklyHours::parse("2-7 09:00-11:30,14:00-20:00;1 14:00-17:00").unwrap();
        assert_eq!(hours.describe(Locale::Zh), "周二至周日 09:00–11:30、14:00–20:00；周一 14:00–17:00");
        assert_eq!(hours.describe(Locale::En), "Tue–Sun 09:00–11:30, 14:00–20:00; Mon 14:00–17:00");
    }
}
