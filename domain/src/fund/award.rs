//! The committee's amount: never more than was asked for, than the category's cap, or than
//! what is left of the call's budget. The store applies it in the transaction that reads the
//! budget, so two decisions at once cannot both spend the same money.

use super::{AppStatus, Fen};

/// The statuses whose amount the call's budget no longer holds: proposed, published, awarded
/// and paid out (money reclaimed is not spent).
pub const COMMITTED: [AppStatus; 5] =
    [AppStatus::Proposed, AppStatus::InNotice, AppStatus::Awarded, AppStatus::Contracted, AppStatus::Completed];

/// Why an amount was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwardRefused {
    /// Zero or less.
    Nothing,
    AboveRequest(Fen),
    AboveCap(Fen),
    /// More than the call's budget still holds (how much it does).
    AboveBudget(Fen),
}

/// Checks `amount` against the request, the category's cap and what the call has left.
pub fn check_award(amount: Fen, requested: Fen, cap: Fen, remaining: Fen) -> Result<Fen, AwardRefused> {
    if amount.0 <= 0 {
        Err(AwardRefused::Nothing)
    } else if amount > requested {
        Err(AwardRefused::AboveRequest(requested))
    } else if amount > cap {
        Err(AwardRefused::AboveCap(cap))
    } else if amount > remaining {
        Err(AwardRefused::AboveBudget(remaining.max(Fen(0))))
    } else {
        Ok(amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn each_limit_is_named() {
        let (requested, cap, remaining) = (Fen(30_000_00), Fen(50_000_00), Fen(25_000_00));
        assert_eq!(check_award(Fen(20_000_00), requested, cap, remaining), Ok(Fen(20_000_00)));
        assert_eq!(check_award(Fen(0), requested, cap, remaining), Err(AwardRefused::Nothing));
        assert_eq!(check_award(Fen(31_000_00), requested, cap, remaining), Err(AwardRefused::AboveRequest(requested)));
        assert_eq!(check_award(Fen(30_000_00), Fen(60_000_00), Fen(20_000_00), remaining), Err(AwardRefused::AboveCap(Fen(20_000_00))));
        assert_eq!(check_award(Fen(26_000_00), requested, cap, remaining), Err(AwardRefused::AboveBudget(remaining)));
    }

    proptest! {
        #[test]
        fn what_is_allowed_exceeds_no_limit(amount in -10i64..1_000, requested in 0i64..1_000, cap in 0i64..1_000, remaining in -10i64..1_000) {
            if let Ok(a) = check_award(Fen(amount), Fen(requested), Fen(cap), Fen(remaining)) {
                prop_assert!(a.0 > 0 && a.0 <= requested && a.0 <= cap && a.0 <= remaining);
            }
        }
    }
}
