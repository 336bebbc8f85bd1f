//! Add-to-calendar files (iCalendar, RFC 5545) for a booking, and subscribable feeds (`feed`).

pub mod feed;

use chrono::{DateTime, FixedOffset, Utc};

/// One event as an `.ics` file: CRLF line ends, text escaped, long lines folded.
pub fn ics_event(
    uid: &str,
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    summary: &str,
    location: &str,
    description: &str,
    stamp: DateTime<FixedOffset>,
) -> String {
    let utc = |t: DateTime<FixedOffset>| t.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string();
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Culture Cloud//Booking//ZH".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}", escape(uid)),
        format!("DTSTAMP:{}", utc(stamp)),
        format!("DTSTART:{}", utc(start)),
        format!("DTEND:{}", utc(end)),
        format!("SUMMARY:{}", escape(summary)),
        format!("LOCATION:{}", escape(location)),
        format!("DESCRIPTION:{}", escape(description)),
        "BEGIN:VALARM".into(),
        "TRIGGER:-PT1H".into(),
        "ACTION:DISPLAY".into(),
        format!("DESCRIPTION:{}", escape(summary)),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("\r\n") + "\r\n"
}

/// Escapes text values: backslash, semicolon, comma and newlines; other control characters
/// (which RFC 5545 does not allow in text) are dropped, so no text can start a line of its own.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a line into pieces of at most 75 octets, never splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::local;

    #[test]
    fn an_event_has_utc_times_escaped_text_and_folded_lines() {
        let ics = ics_event(
            "booking-7@culture-cloud",
            local(1_800_000_000),
            local(1_800_007_200),
            "京剧名段欣赏; 新年特别场",
            "石景山区文化馆, 石景山路1号",
            &"很长的说明".repeat(20),
            local(1_799_000_000),
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.contains("DTSTART:20270115T080000Z\r\n"));
        assert!(ics.contains("SUMMARY:京剧名段欣赏\\; 新年特别场"));
        assert!(ics.contains("LOCATION:石景山区文化馆\\, 石景山路1号"));
        assert!(ics.split("\r\n").all(|l| l.len() <= 75), "a line is longer than 75 octets");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
