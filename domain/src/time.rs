//! Time in the district's zone. Storage keeps UTC seconds; people see Beijing time.
//!
//! Asia/Shanghai has had no daylight-saving time since 1991, so a fixed +08:00 offset is the
//! zone exactly and spares the browser bundle a time-zone database.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};

/// Seconds east of UTC of the district's zone (Asia/Shanghai).
pub const DISTRICT_OFFSET_SECS: i32 = 8 * 3600;

/// The district's zone as a chrono offset.
pub fn district_zone() -> FixedOffset {
    FixedOffset::east_opt(DISTRICT_OFFSET_SECS).expect("+08:00 is a valid offset")
}

/// A stored UTC timestamp (seconds) as a time in the district's zone.
pub fn local(ts: i64) -> DateTime<FixedOffset> {
    district_zone()
        .timestamp_opt(ts, 0)
        .single()
        .unwrap_or_else(|| Utc::now().with_timezone(&district_zone()))
}

/// The first second of a calendar day in the district, as UTC seconds. Total: any date chrono
/// can hold gives a number (the zone is a fixed offset, so this is plain arithmetic).
pub fn start_of_day(date: NaiveDate) -> i64 {
    date.and_time(NaiveTime::MIN).and_utc().timestamp() - i64::from(DISTRICT_OFFSET_SECS)
}

/// The current time as UTC seconds.
pub fn now() -> i64 {
    Utc::now().timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_in_the_district_starts_at_sixteen_hundred_utc_the_day_before() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let utc = Utc.with_ymd_and_hms(2026, 11, 30, 16, 0, 0).unwrap();
        assert_eq!(start_of_day(day), utc.timestamp());
    }

    #[test]
    fn the_first_and_last_dates_chrono_knows_have_a_start_of_day() {
        assert!(start_of_day(NaiveDate::MIN) < start_of_day(NaiveDate::MAX));
    }

    #[test]
    fn local_times_carry_the_plus_eight_offset() {
        let t = local(0);
        assert_eq!(t.to_rfc3339(), "1970-01-01T08:00:00+08:00");
    }
}
