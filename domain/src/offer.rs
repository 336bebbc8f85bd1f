//! Fair promotions from the waitlist. A place freed long before the start is the first waiting
//! resident's at once (they are told, and have time to cancel). A place freed close to the start
//! is only *offered*: held for them for a while, and passed to the next in line unless they
//! accept — so nobody is counted as a no-show for a place they never knew they had.

use serde::{Deserialize, Serialize};

const HOUR: i64 = 3_600;
const MINUTE: i64 = 60;

/// When a promotion becomes an offer, and how long an offer is held. Configuration, not code
/// (`CC_OFFER_WITHIN_HOURS`, `CC_OFFER_HOLD_MINUTES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferRule {
    /// Places freed less than this many seconds before the start are offered (0: never).
    pub within: i64,
    /// How long (seconds) an offer is held; never past the start.
    pub hold: i64,
}

impl Default for OfferRule {
    fn default() -> Self {
        OfferRule { within: 24 * HOUR, hold: 2 * HOUR }
    }
}

/// What a freed place does for the first on the waitlist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Promotion {
    /// Theirs now: confirmed, and told.
    Confirm,
    /// Held for them until `until` (UTC seconds); theirs only once they accept.
    Offer { until: i64 },
    /// The session has begun: nobody can take the place any more, so it stays free.
    TooLate,
}

impl OfferRule {
    /// The longest hold accepted, in minutes (a day).
    pub const MAX_HOLD_MINUTES: i64 = 24 * 60;
    /// The latest start from which a promotion is an offer, in hours (a week).
    pub const MAX_WITHIN_HOURS: i64 = 7 * 24;

    /// The rule from its two settings: `within` in hours (0 to 168), `hold` in minutes (5 to 1440).
    pub fn from_settings(within_hours: i64, hold_minutes: i64) -> Option<OfferRule> {
        let valid = (0..=Self::MAX_WITHIN_HOURS).contains(&within_hours)
            && (5..=Self::MAX_HOLD_MINUTES).contains(&hold_minutes);
        valid.then_some(OfferRule { within: within_hours * HOUR, hold: hold_minutes * MINUTE })
    }

    /// What a place freed at `now` does for a session starting at `starts_at` (UTC seconds).
    pub fn promotion(&self, now: i64, starts_at: i64) -> Promotion {
        if now >= starts_at {
            Promotion::TooLate
        } else if starts_at - now < self.within {
            Promotion::Offer { until: (now + self.hold).min(starts_at) }
        } else {
            Promotion::Confirm
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const START: i64 = 1_800_000_000;

    #[test]
    fn a_place_freed_two_days_ahead_is_confirmed_at_once() {
        assert_eq!(OfferRule::default().promotion(START - 48 * HOUR, START), Promotion::Confirm);
        assert_eq!(OfferRule::default().promotion(START - 24 * HOUR, START), Promotion::Confirm);
    }

    #[test]
    fn a_place_freed_the_evening_before_is_held_for_two_hours() {
        let now = START - 14 * HOUR;
        assert_eq!(OfferRule::default().promotion(now, START), Promotion::Offer { until: now + 2 * HOUR });
    }

    #[test]
    fn an_offer_is_never_held_past_the_start() {
        let now = START - 30 * MINUTE;
        assert_eq!(OfferRule::default().promotion(now, START), Promotion::Offer { until: START });
    }

    #[test]
    fn once_the_session_has_begun_nobody_is_promoted() {
        assert_eq!(OfferRule::default().promotion(START, START), Promotion::TooLate);
        assert_eq!(OfferRule::default().promotion(START + 60, START), Promotion::TooLate);
    }

    #[test]
    fn offers_can_be_turned_off_but_settings_stay_in_bounds() {
        let never = OfferRule::from_settings(0, 120).unwrap();
        assert_eq!(never.promotion(START - 60, START), Promotion::Confirm);
        assert_eq!(OfferRule::from_settings(24, 120), Some(OfferRule::default()));
        assert_eq!(OfferRule::from_settings(24, 4), None, "a hold too short to read an SMS");
        assert_eq!(OfferRule::from_settings(24, 1441), None);
        assert_eq!(OfferRule::from_settings(-1, 120), None);
        assert_eq!(OfferRule::from_settings(169, 120), None);
    }
}
