//! Booking rules that need no database: a booking's states, the no-show rule, and why a
//! booking was refused, in words a resident understands.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::time::local;
use crate::Locale;

/// Where a booking stands. `Confirmed`, `Waitlisted`, `Offered` and `Attended` are *active*: a
/// resident has at most one active booking per session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Confirmed,
    Waitlisted,
    /// A place freed close to the start, held for the first on the waitlist until they accept it
    /// (or until the hold ends, when it passes on): see [`crate::offer`].
    Offered,
    Cancelled,
    /// An offered place that was not accepted in time and went to the next in line.
    Lapsed,
    Attended,
    NoShow,
}

impl BookingStatus {
    /// The value stored in `bookings.status` and sent by the API.
    pub fn as_str(self) -> &'static str {
        match self {
            BookingStatus::Confirmed => "confirmed",
            BookingStatus::Waitlisted => "waitlisted",
            BookingStatus::Offered => "offered",
            BookingStatus::Cancelled => "cancelled",
            BookingStatus::Lapsed => "lapsed",
            BookingStatus::Attended => "attended",
            BookingStatus::NoShow => "no_show",
        }
    }

    /// Reads a stored status.
    pub fn parse(stored: &str) -> Option<BookingStatus> {
        [Self::Confirmed, Self::Waitlisted, Self::Offered, Self::Cancelled, Self::Lapsed, Self::Attended, Self::NoShow]
            .into_iter()
            .find(|s| s.as_str() == stored)
    }

    /// Whether the resident still holds (or waits for) a place.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Confirmed | Self::Waitlisted | Self::Offered | Self::Attended)
    }

    /// How the status reads on the resident's bookings page.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Self::Confirmed, Locale::Zh) => "已预约",
            (Self::Confirmed, Locale::En) => "Confirmed",
            (Self::Waitlisted, Locale::Zh) => "候补中",
            (Self::Waitlisted, Locale::En) => "On the waitlist",
            (Self::Offered, Locale::Zh) => "名额待确认",
            (Self::Offered, Locale::En) => "Place offered",
            (Self::Lapsed, Locale::Zh) => "逾期未确认",
            (Self::Lapsed, Locale::En) => "Offer lapsed",
            (Self::Cancelled, Locale::Zh) => "已取消",
            (Self::Cancelled, Locale::En) => "Cancelled",
            (Self::Attended, Locale::Zh) => "已签到",
            (Self::Attended, Locale::En) => "Attended",
            (Self::NoShow, Locale::Zh) => "未到场",
            (Self::NoShow, Locale::En) => "No-show",
        }
    }
}

/// Residents who book and do not come keep places from others: after `threshold` no-shows
/// within `window_days`, booking is paused for `pause_days`. Configuration, not code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoShowRule {
    pub threshold: u32,
    pub window_days: i64,
    pub pause_days: i64,
}

impl Default for NoShowRule {
    fn default() -> Self {
        NoShowRule { threshold: 2, window_days: 120, pause_days: 30 }
    }
}

const DAY: i64 = 86_400;

impl NoShowRule {
    /// Parses `threshold/window_days/pause_days`, e.g. `2/120/30`; `off` disables the rule.
    pub fn parse(text: &str) -> Option<NoShowRule> {
        if text.trim().eq_ignore_ascii_case("off") {
            return Some(NoShowRule { threshold: 0, window_days: 0, pause_days: 0 });
        }
        let mut parts = text.trim().split('/').map(|p| p.trim().parse::<i64>().ok());
        let (threshold, window_days, pause_days) = (parts.next()??, parts.next()??, parts.next()??);
        let valid = parts.next().is_none() && threshold >= 1 && window_days >= 1 && pause_days >= 1;
        valid.then_some(NoShowRule { threshold: threshold as u32, window_days, pause_days })
    }

    /// How far back no-shows can matter at `now` (UTC seconds): older ones never pause anyone.
    pub fn lookback_from(&self, now: i64) -> i64 {
        now - (self.window_days + self.pause_days) * DAY
    }

    /// Until when (UTC seconds) a resident with these no-shows (UTC seconds, any order) may not
    /// book at `now`, or `None` when they may. The pause starts at the no-show that reaches the
    /// threshold inside one window.
    pub fn paused_until(&self, no_shows: &[i64], now: i64) -> Option<i64> {
        if self.threshold == 0 {
            return None;
        }
        let mut times = no_shows.to_vec();
        times.sort_unstable();
        let n = self.threshold as usize;
        (n - 1..times.len())
            .filter(|&i| times[i] - times[i + 1 - n] <= self.window_days * DAY)
            .map(|i| times[i] + self.pause_days * DAY)
            .filter(|&until| until > now)
            .max()
    }
}

/// The letters of a ticket code: Crockford's base32, without I, L, O and U (easy to misread).
pub const TICKET_CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// How long a ticket code is: 12 letters, 60 random bits.
pub const TICKET_CODE_LEN: usize = 12;

/// A ticket code as staff type it from a phone's screen — in groups, with spaces or dashes,
/// in lower case ("kev3 zbb2-mxe6") — as the code itself, if it is one.
pub fn typed_ticket_code(text: &str) -> Option<String> {
    let code: String = text.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_ascii_uppercase();
    is_ticket_code(&code).then_some(code)
}

/// Whether `text` (as typed at the door, any case) could be a ticket code at all.
pub fn is_ticket_code(text: &str) -> bool {
    let text = text.trim();
    text.len() == TICKET_CODE_LEN && text.bytes().all(|b| TICKET_CODE_ALPHABET.contains(&b.to_ascii_uppercase()))
}

/// When a session can be booked: from `opens_at` until `closes_at` or its start, whichever
/// comes first (UTC seconds). The one statement of the window, behind both the booking button
/// and the booking itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BookingWindow {
    pub opens_at: i64,
    pub closes_at: i64,
    pub starts_at: i64,
}

/// Where `now` falls in a [`BookingWindow`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowState {
    NotYetOpen,
    Open,
    Closed,
}

impl BookingWindow {
    /// Where `now` (UTC seconds) falls: before the opening, inside, or past the close or start.
    pub fn state_at(&self, now: i64) -> WindowState {
        if now < self.opens_at {
            WindowState::NotYetOpen
        } else if now >= self.closes_at || now >= self.starts_at {
            WindowState::Closed
        } else {
            WindowState::Open
        }
    }
}

/// What a resident sends so that repeating a booking request is harmless (a UUID is 36
/// characters). One rule for every door: the API's `Idempotency-Key` header and the booking
/// button's per-click key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// The longest key accepted.
    pub const MAX_LEN: usize = 128;

    /// 1 to 128 visible ASCII characters (surrounding spaces ignored).
    pub fn parse(text: &str) -> Result<IdempotencyKey, crate::ParamError> {
        let key = text.trim();
        if key.is_empty() || key.len() > Self::MAX_LEN || !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(crate::ParamError {
                param: "Idempotency-Key".into(),
                problem: crate::ParamProblem::NotAKey { max: Self::MAX_LEN },
            });
        }
        Ok(IdempotencyKey(key.to_string()))
    }

    /// The key as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a booking was not taken. Each maps to a 409 `error.code` in the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BookingRefusal {
    /// No places left and the session has no waitlist.
    Full,
    /// The resident already holds or waits for a place in this session.
    Duplicate { booking_id: crate::ids::BookingId },
    /// Outside the booking window, not published, or cancelled.
    Closed { opens_at: Option<DateTime<FixedOffset>> },
    /// Booking is paused by the no-show rule.
    Paused { until: DateTime<FixedOffset> },
}

impl BookingRefusal {
    /// The API's `error.code`.
    pub fn code(&self) -> &'static str {
        match self {
            BookingRefusal::Full => "full",
            BookingRefusal::Duplicate { .. } => "duplicate",
            BookingRefusal::Closed { .. } => "closed",
            BookingRefusal::Paused { .. } => "paused",
        }
    }

    /// What the resident reads: what happened and what they can do.
    pub fn message(&self, locale: Locale) -> String {
        let when = |t: &DateTime<FixedOffset>| t.format("%Y-%m-%d %H:%M").to_string();
        match (self, locale) {
            (BookingRefusal::Full, Locale::Zh) => "本场名额已满，且不设候补。".into(),
            (BookingRefusal::Full, Locale::En) => "This session is full and has no waitlist.".into(),
            (BookingRefusal::Duplicate { .. }, Locale::Zh) => "您已预约（或候补）本场，无需重复预约。".into(),
            (BookingRefusal::Duplicate { .. }, Locale::En) => {
                "You already have a booking (or a waitlist place) for this session.".into()
            }
            (BookingRefusal::Closed { opens_at: Some(t) }, Locale::Zh) => {
                format!("本场尚未开放预约，将于 {} 开放。", when(t))
            }
            (BookingRefusal::Closed { opens_at: Some(t) }, Locale::En) => {
                format!("Booking for this session opens at {}.", when(t))
            }
            (BookingRefusal::Closed { opens_at: None }, Locale::Zh) => "本场预约已截止或已取消。".into(),
            (BookingRefusal::Closed { opens_at: None }, Locale::En) => {
                "Booking for this session has closed or the session was cancelled.".into()
            }
            (BookingRefusal::Paused { until }, Locale::Zh) => {
                format!("因近期多次预约后未到场，您的预约功能暂停至 {}。届时将自动恢复。", when(until))
            }
            (BookingRefusal::Paused { until }, Locale::En) => format!(
                "Booking is paused until {} because of recent no-shows; it resumes by itself.",
                when(until)
            ),
        }
    }
}

/// A booking as its holder sees it: on `/me/bookings`, in the API, on the ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingSummary {
    pub id: crate::ids::BookingId,
    pub status: BookingStatus,
    /// The ticket code, while the booking holds a place (confirmed or attended).
    pub code: Option<String>,
    pub session_id: crate::ids::SessionId,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub item_id: i64,
    pub item_title: String,
    pub facility_name: String,
    pub facility_address: String,
    /// 1 for the first in line, while waitlisted.
    pub waitlist_position: Option<u32>,
    /// Until when a place offered to this booking is held for it, while offered.
    pub offered_until: Option<DateTime<FixedOffset>>,
    pub created_at: DateTime<FixedOffset>,
}

impl BookingSummary {
    /// Whether the session is still to come at `now` (UTC seconds): upcoming bookings are listed
    /// first and can be cancelled.
    pub fn is_upcoming(&self, now: i64) -> bool {
        self.ends_at.timestamp() > now && self.status.is_active()
    }

    /// Whether the holder can still cancel at `now`.
    pub fn can_cancel(&self, now: i64) -> bool {
        matches!(self.status, BookingStatus::Confirmed | BookingStatus::Waitlisted | BookingStatus::Offered)
            && now < self.starts_at.timestamp()
    }
}

/// Splits a resident's bookings (as the store lists them, latest session first) into those
/// still to come, soonest first, and the rest, latest first.
pub fn upcoming_and_past(
    bookings: Vec<BookingSummary>,
    now: i64,
) -> (Vec<BookingSummary>, Vec<BookingSummary>) {
    let (mut upcoming, past): (Vec<_>, Vec<_>) = bookings.into_iter().partition(|b| b.is_upcoming(now));
    upcoming.reverse();
    (upcoming, past)
}

/// A pause as the resident's clock shows it.
pub fn paused_refusal(until_utc: i64) -> BookingRefusal {
    BookingRefusal::Paused { until: local(until_utc) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_code_may_come_in_groups_and_lower_case() {
        let code = new_code_for_test();
        let grouped = format!("{} {}-{}", &code[..4], &code[4..8].to_lowercase(), &code[8..]);
        assert_eq!(typed_ticket_code(&grouped).as_deref(), Some(code.as_str()));
        assert_eq!(typed_ticket_code(&format!("  {code}  ")).as_deref(), Some(code.as_str()));
        assert_eq!(typed_ticket_code("ABC"), None);
        assert_eq!(typed_ticket_code(&format!("{code}X")), None);
    }

    /// A valid code of the ticket alphabet.
    fn new_code_for_test() -> String {
        TICKET_CODE_ALPHABET.iter().cycle().take(TICKET_CODE_LEN).map(|&b| b as char).collect()
    }

    const NOW: i64 = 1_800_000_000;

    #[test]
    fn two_no_shows_within_120_days_pause_booking_for_30_days() {
        let rule = NoShowRule::default();
        let first = NOW - 100 * DAY;
        let second = NOW - 10 * DAY;
        assert_eq!(rule.paused_until(&[second, first], NOW), Some(second + 30 * DAY));
    }

    #[test]
    fn one_no_show_or_two_far_apart_do_not_pause() {
        let rule = NoShowRule::default();
        assert_eq!(rule.paused_until(&[NOW - DAY], NOW), None);
        assert_eq!(rule.paused_until(&[NOW - 200 * DAY, NOW - DAY], NOW), None);
    }

    #[test]
    fn a_pause_ends_by_itself() {
        let rule = NoShowRule::default();
        assert_eq!(rule.paused_until(&[NOW - 40 * DAY, NOW - 31 * DAY], NOW), None);
    }

    #[test]
    fn the_rule_is_configuration() {
        assert_eq!(NoShowRule::parse("2/120/30"), Some(NoShowRule::default()));
        let strict = NoShowRule::parse("1/30/7").unwrap();
        assert_eq!(strict.paused_until(&[NOW - DAY], NOW), Some(NOW + 6 * DAY));
        let off = NoShowRule::parse("off").unwrap();
        assert_eq!(off.paused_until(&[NOW - DAY, NOW - 2 * DAY, NOW - 3 * DAY], NOW), None);
        assert_eq!(NoShowRule::parse("0/120/30"), None);
        assert_eq!(NoShowRule::parse("2/120"), None);
    }

    #[test]
    fn refusals_have_stable_codes_and_say_until_when() {
        let paused = paused_refusal(NOW);
        assert_eq!(paused.code(), "paused");
        assert!(paused.message(Locale::Zh).contains("2027-01-15"), "{}", paused.message(Locale::Zh));
        assert_eq!(BookingStatus::parse("no_show"), Some(BookingStatus::NoShow));
        assert!(BookingStatus::Waitlisted.is_active() && !BookingStatus::Cancelled.is_active());
    }
}

#[cfg(test)]
mod idempotency_key_tests {
    use super::IdempotencyKey;

    #[test]
    fn a_key_is_one_to_128_visible_ascii_characters() {
        assert_eq!(IdempotencyKey::parse(" 3f2a-9 ").unwrap().as_str(), "3f2a-9");
        assert!(IdempotencyKey::parse(&"k".repeat(128)).is_ok());
        for bad in [String::new(), "  ".into(), "k".repeat(129), "两个".into(), "a b".into()] {
            let err = IdempotencyKey::parse(&bad).unwrap_err();
            assert_eq!(err.param, "Idempotency-Key", "{bad}");
        }
    }
}

#[cfg(test)]
mod window_tests {
    use super::{BookingWindow, WindowState};

    #[test]
    fn the_window_opens_then_closes_at_its_close_or_the_start_whichever_is_first() {
        let window = BookingWindow { opens_at: 100, closes_at: 200, starts_at: 300 };
        assert_eq!(window.state_at(99), WindowState::NotYetOpen);
        assert_eq!(window.state_at(100), WindowState::Open);
        assert_eq!(window.state_at(199), WindowState::Open);
        assert_eq!(window.state_at(200), WindowState::Closed);
        let late_close = BookingWindow { closes_at: 400, ..window };
        assert_eq!(late_close.state_at(300), WindowState::Closed, "never after the start");
    }
}

#[cfg(test)]
mod ticket_code_tests {
    use super::is_ticket_code;

    #[test]
    fn only_twelve_letters_of_the_alphabet_are_a_code() {
        assert!(is_ticket_code("D3GV3QHCX542"));
        assert!(is_ticket_code(" d3gv3qhcx542 "), "typed in lower case");
        for not in ["D3GV3QHCX54", "D3GV3QHCX5421", "D3GV3QHCX54I", "<img src=x>", ""] {
            assert!(!is_ticket_code(not), "{not}");
        }
    }
}
