//! An application to the heritage fund, from draft to acceptance (验收), as a pure state machine:
//! who may move it, and from where to where. The store applies a move only from the status it
//! read (`WHERE status = $from`), so two moves at once never both happen.

use serde::{Deserialize, Serialize};

use crate::Locale;

/// Where an application is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppStatus {
    /// Being written by the unit; nobody else sees it.
    Draft,
    /// Sent before the call's deadline; district staff check it is complete.
    Submitted,
    /// Sent back by staff with a comment; the unit fixes it and sends it again.
    Returned,
    /// Complete; experts (at least three) score it.
    InReview,
    /// The committee proposes an award (an amount), to be published for the notice period.
    Proposed,
    /// Published (公示): anyone may object until the notice period ends.
    InNotice,
    /// Final after the notice: an agreement and staged payments follow.
    Awarded,
    /// The agreement is signed; payments are released stage by stage on evidence.
    Contracted,
    /// The final report was accepted (验收).
    Completed,
    /// Money paid is reclaimed (追回): the work was not done as agreed.
    ClawedBack,
    /// Not funded (by the committee, or after an objection was upheld).
    Declined,
    /// Taken back by the unit before a decision.
    Withdrawn,
}

impl AppStatus {
    pub const ALL: [AppStatus; 12] = [
        AppStatus::Draft, AppStatus::Submitted, AppStatus::Returned, AppStatus::InReview, AppStatus::Proposed,
        AppStatus::InNotice, AppStatus::Awarded, AppStatus::Contracted, AppStatus::Completed, AppStatus::ClawedBack,
        AppStatus::Declined, AppStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        self.words().0
    }

    pub fn parse(text: &str) -> Option<AppStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn label(self, locale: Locale) -> &'static str {
        let (_, zh, en) = self.words();
        if locale == Locale::Zh { zh } else { en }
    }

    fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            AppStatus::Draft => ("draft", "草稿", "Draft"),
            AppStatus::Submitted => ("submitted", "已提交", "Submitted"),
            AppStatus::Returned => ("returned", "退回补正", "Returned for completion"),
            AppStatus::InReview => ("in_review", "专家评审中", "With the experts"),
            AppStatus::Proposed => ("proposed", "拟资助", "Award proposed"),
            AppStatus::InNotice => ("in_notice", "公示中", "In public notice"),
            AppStatus::Awarded => ("awarded", "已立项", "Awarded"),
            AppStatus::Contracted => ("contracted", "已签协议", "Agreement signed"),
            AppStatus::Completed => ("completed", "已验收", "Accepted"),
            AppStatus::ClawedBack => ("clawed_back", "已追回资金", "Funds reclaimed"),
            AppStatus::Declined => ("declined", "未获资助", "Not funded"),
            AppStatus::Withdrawn => ("withdrawn", "已撤回", "Withdrawn"),
        }
    }

    /// Whether nothing more happens to it.
    pub fn is_final(self) -> bool {
        matches!(self, AppStatus::Completed | AppStatus::ClawedBack | AppStatus::Declined | AppStatus::Withdrawn)
    }

    /// Whether the unit may change what it wrote.
    pub fn editable_by_unit(self) -> bool {
        matches!(self, AppStatus::Draft | AppStatus::Returned)
    }
}

/// Who moves an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mover {
    /// The applying unit (verified), through its contact.
    Unit,
    /// District staff running the fund (the committee's decisions are entered by them).
    Staff,
    /// The server itself: the last expert's score, the end of the notice period.
    System,
}

/// A move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppAction {
    /// Send a draft, or a returned application after fixing it (before the deadline).
    Submit,
    /// Take it back before any decision.
    Withdraw,
    /// Send it back for completion, with a comment.
    Return,
    /// Find it complete and hand it to the experts (at least three assigned).
    StartReview,
    /// The committee proposes an award (every expert has scored).
    Propose,
    /// Not funded: by the committee, or an objection upheld during the notice.
    Decline,
    /// Publish the proposal for the notice period (公示).
    Publish,
    /// The notice period ended with every objection answered: the award is final.
    Finalise,
    /// The agreement is signed.
    Contract,
    /// The final report is accepted (验收).
    Accept,
    /// Money is reclaimed.
    ClawBack,
}

impl AppAction {
    pub const ALL: [AppAction; 11] = [
        AppAction::Submit, AppAction::Withdraw, AppAction::Return, AppAction::StartReview, AppAction::Propose,
        AppAction::Decline, AppAction::Publish, AppAction::Finalise, AppAction::Contract, AppAction::Accept,
        AppAction::ClawBack,
    ];
}

/// Why a move was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveRefused {
    /// This mover never makes this move.
    NotYours,
    /// Not from where the application is now.
    NotNow,
}

/// Where `action` by `mover` takes an application that is `from`.
pub fn next(from: AppStatus, action: AppAction, mover: Mover) -> Result<AppStatus, MoveRefused> {
    use AppAction as A;
    use AppStatus as S;
    let allowed: &[Mover] = match action {
        A::Submit | A::Withdraw => &[Mover::Unit],
        A::Return | A::StartReview | A::Propose | A::Publish | A::Contract | A::Accept | A::ClawBack => &[Mover::Staff],
        A::Decline => &[Mover::Staff],
        A::Finalise => &[Mover::Staff, Mover::System],
    };
    if !allowed.contains(&mover) {
        return Err(MoveRefused::NotYours);
    }
    let to = match (action, from) {
        (A::Submit, S::Draft | S::Returned) => S::Submitted,
        (A::Withdraw, S::Draft | S::Submitted | S::Returned | S::InReview) => S::Withdrawn,
        (A::Return, S::Submitted) => S::Returned,
        (A::StartReview, S::Submitted) => S::InReview,
        (A::Propose, S::InReview) => S::Proposed,
        (A::Decline, S::InReview | S::Proposed | S::InNotice) => S::Declined,
        (A::Publish, S::Proposed) => S::InNotice,
        (A::Finalise, S::InNotice) => S::Awarded,
        (A::Contract, S::Awarded) => S::Contracted,
        (A::Accept, S::Contracted) => S::Completed,
        (A::ClawBack, S::Contracted) => S::ClawedBack,
        _ => return Err(MoveRefused::NotNow),
    };
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn any_status() -> impl Strategy<Value = AppStatus> {
        proptest::sample::select(AppStatus::ALL.to_vec())
    }
    fn any_action() -> impl Strategy<Value = AppAction> {
        proptest::sample::select(AppAction::ALL.to_vec())
    }
    fn any_mover() -> impl Strategy<Value = Mover> {
        proptest::sample::select(vec![Mover::Unit, Mover::Staff, Mover::System])
    }

    #[test]
    fn the_usual_life_of_an_application() {
        let mut status = AppStatus::Draft;
        for (action, mover) in [
            (AppAction::Submit, Mover::Unit),
            (AppAction::Return, Mover::Staff),
            (AppAction::Submit, Mover::Unit),
            (AppAction::StartReview, Mover::Staff),
            (AppAction::Propose, Mover::Staff),
            (AppAction::Publish, Mover::Staff),
            (AppAction::Finalise, Mover::System),
            (AppAction::Contract, Mover::Staff),
            (AppAction::Accept, Mover::Staff),
        ] {
            status = next(status, action, mover).unwrap_or_else(|e| panic!("{action:?} from {status:?}: {e:?}"));
        }
        assert_eq!(status, AppStatus::Completed);
    }

    #[test]
    fn names_read_back() {
        for status in AppStatus::ALL {
            assert_eq!(AppStatus::parse(status.as_str()), Some(status));
            assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
        }
    }

    proptest! {
        #[test]
        fn a_unit_never_decides_and_staff_never_write_for_a_unit(from in any_status(), action in any_action()) {
            if let Ok(to) = next(from, action, Mover::Unit) {
                prop_assert!(matches!(to, AppStatus::Submitted | AppStatus::Withdrawn), "{from:?} {action:?} → {to:?}");
            }
            if let Ok(to) = next(from, action, Mover::Staff) {
                prop_assert!(!matches!(to, AppStatus::Submitted | AppStatus::Withdrawn | AppStatus::Draft), "{from:?} {action:?} → {to:?}");
            }
        }

        #[test]
        fn final_states_stay_final(from in any_status(), action in any_action(), mover in any_mover()) {
            if from.is_final() {
                prop_assert_eq!(next(from, action, mover), Err(if action_allowed(action, mover) { MoveRefused::NotNow } else { MoveRefused::NotYours }));
            }
        }

        /// Whatever is tried, in any order, money is promised only after the notice period, and
        /// paid (an agreement) only for an award.
        #[test]
        fn no_award_skips_the_public_notice(moves in proptest::collection::vec((any_action(), any_mover()), 0..40)) {
            let mut status = AppStatus::Draft;
            let mut seen_notice = false;
            for (action, mover) in moves {
                let Ok(to) = next(status, action, mover) else { continue };
                seen_notice |= to == AppStatus::InNotice;
                if to == AppStatus::Awarded {
                    prop_assert!(seen_notice && status == AppStatus::InNotice);
                }
                if to == AppStatus::Contracted {
                    prop_assert_eq!(status, AppStatus::Awarded);
                }
                status = to;
            }
        }
    }

    fn action_allowed(action: AppAction, mover: Mover) -> bool {
        AppStatus::ALL.into_iter().any(|from| next(from, action, mover) != Err(MoveRefused::NotYours))
    }
}
