//! Subscribable calendars (iCalendar feeds, RFC 5545): a street's, a facility's or a
//! category's sessions to come, or a resident's own bookings. Times are written in the
//! district's zone (`TZID=Asia/Shanghai`, described by a `VTIMEZONE`), every session keeps one
//! UID for life, so a calendar app updates an event rather than adding a second one, and a
//! cancelled session stays in the feed as `STATUS:CANCELLED`, so apps take it off.

use super::{escape, fold};
use crate::time::local;

/// The district's zone as calendars name it (+08:00 all year: no daylight saving).
pub const TZID: &str = "Asia/Shanghai";

/// One session as a feed carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEvent {
    /// The session's id: its UID is made from it, the same in every feed.
    pub session_id: i64,
    /// UTC seconds.
    pub starts_at: i64,
    pub ends_at: i64,
    pub summary: String,
    pub location: String,
    pub description: String,
    /// The item's page, absolute.
    pub url: String,
    pub cancelled: bool,
    /// Not certain yet (a resident waitlisted or offered a place): `STATUS:TENTATIVE`.
    pub tentative: bool,
    /// Grows with every change people were told of (a move, the cancellation).
    pub sequence: u32,
}

/// A session's UID, the same in every feed and for ever.
pub fn session_uid(session_id: i64) -> String {
    format!("session-{session_id}@culture-cloud")
}

/// A whole calendar named `name` holding `events`; `stamp` (UTC seconds) is when it was made.
pub fn ics_feed(name: &str, events: &[FeedEvent], stamp: i64) -> String {
    let utc = |ts: i64| local(ts).naive_utc().format("%Y%m%dT%H%M%SZ").to_string();
    let here = |ts: i64| local(ts).format("%Y%m%dT%H%M%S").to_string();
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Culture Cloud//Feeds//ZH".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(name)),
        format!("X-WR-TIMEZONE:{TZID}"),
        // Apps that honour it look again every hour.
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H".into(),
        "X-PUBLISHED-TTL:PT1H".into(),
        "BEGIN:VTIMEZONE".into(),
        format!("TZID:{TZID}"),
        "BEGIN:STANDARD".into(),
        "DTSTART:19700101T000000".into(),
        "TZOFFSETFROM:+0800".into(),
        "TZOFFSETTO:+0800".into(),
        "TZNAME:CST".into(),
        "END:STANDARD".into(),
        "END:VTIMEZONE".into(),
    ];
    for event in events {
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", session_uid(event.session_id)),
            format!("DTSTAMP:{}", utc(stamp)),
            format!("DTSTART;TZID={TZID}:{}", here(event.starts_at)),
            format!("DTEND;TZID={TZID}:{}", here(event.ends_at)),
            format!("SEQUENCE:{}", event.sequence),
            format!("STATUS:{}", status(event)),
            // Some apps drop a cancelled event from a subscription, others strike it through:
            // the title says it either way.
            format!("SUMMARY:{}{}", if event.cancelled { "【已取消】" } else { "" }, escape(&event.summary)),
            format!("LOCATION:{}", escape(&event.location)),
            format!("DESCRIPTION:{}", escape(&event.description)),
            format!("URL:{}", escape_uri(&event.url)),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("\r\n") + "\r\n"
}

fn status(event: &FeedEvent) -> &'static str {
    match (event.cancelled, event.tentative) {
        (true, _) => "CANCELLED",
        (false, true) => "TENTATIVE",
        (false, false) => "CONFIRMED",
    }
}

/// A URI value is not escaped like text, but it must not break a line either.
fn escape_uri(uri: &str) -> String {
    uri.chars().filter(|c| !c.is_control()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: i64, cancelled: bool) -> FeedEvent {
        FeedEvent {
            session_id: id,
            starts_at: 1_800_000_000,
            ends_at: 1_800_007_200,
            summary: "京剧名段欣赏; 新年特别场\r\nBEGIN:VEVENT".into(),
            location: "石景山区文化馆, 二层".into(),
            description: "很长的说明".repeat(20),
            url: "https://example.org/items/7\r\nX-EVIL:1".into(),
            cancelled,
            tentative: false,
            sequence: u32::from(cancelled),
        }
    }

    #[test]
    fn a_feed_has_local_times_in_its_zone_stable_uids_and_cancelled_events() {
        let ics = ics_feed("八角街道的活动", &[event(7, false), event(8, true)], 1_799_000_000);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"));
        // 1_800_000_000 is 2027-01-15 08:00 UTC, 16:00 in the district.
        assert!(ics.contains("DTSTART;TZID=Asia/Shanghai:20270115T160000\r\n"), "{ics}");
        assert!(ics.contains("UID:session-7@culture-cloud\r\n") && ics.contains("UID:session-8@culture-cloud\r\n"));
        assert_eq!(ics.matches("STATUS:CANCELLED").count(), 1);
        assert!(ics.contains("SUMMARY:【已取消】京剧名段欣赏"), "a cancelled event says so in its title");
        assert_eq!(ics.split("\r\n").filter(|l| *l == "BEGIN:VEVENT").count(), 2, "no text starts an event of its own");
        assert!(!ics.contains("\r\nX-EVIL"), "no text starts a line of its own");
        assert!(ics.split("\r\n").all(|l| l.len() <= 75), "a line is longer than 75 octets");
    }

    #[test]
    fn an_empty_feed_is_still_a_calendar() {
        let ics = ics_feed("空", &[], 0);
        assert!(ics.contains("X-WR-CALNAME:空") && !ics.contains("BEGIN:VEVENT"));
    }
}
