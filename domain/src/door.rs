//! When a ticket can be used at the door: from two hours before its session starts until the
//! session ends. Earlier, a ticket shown by mistake (or a screenshot passed on days ahead)
//! would be spent before the event; after the end, the place has already been counted.

/// How long before the start the door opens.
pub const OPENS_BEFORE_SECS: i64 = 2 * 3600;

/// Whether check-in is possible at `now` for a session from `starts_at` to `ends_at` (UTC
/// seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoorTiming {
    /// Not yet: the door opens at this time.
    TooEarly { opens_at: i64 },
    Open,
    /// The session has ended.
    Over,
}

/// The door's state at `now`.
pub fn door_timing(starts_at: i64, ends_at: i64, now: i64) -> DoorTiming {
    let opens_at = starts_at - OPENS_BEFORE_SECS;
    if now < opens_at {
        DoorTiming::TooEarly { opens_at }
    } else if now >= ends_at {
        DoorTiming::Over
    } else {
        DoorTiming::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_door_opens_two_hours_before_the_start_and_closes_at_the_end() {
        let (start, end) = (100_000, 107_200);
        assert_eq!(door_timing(start, end, start - 3 * 86_400), DoorTiming::TooEarly { opens_at: start - 7_200 });
        assert_eq!(door_timing(start, end, start - 7_200), DoorTiming::Open);
        assert_eq!(door_timing(start, end, end - 1), DoorTiming::Open);
        assert_eq!(door_timing(start, end, end), DoorTiming::Over);
    }
}
