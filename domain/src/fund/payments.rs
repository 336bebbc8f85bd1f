//! Money after an award (资金拨付): an agreement, then the award paid in three stages — half on
//! signing (the agreement is the evidence), three tenths on a mid-term report, the rest on
//! acceptance (验收) of the final report — or money paid reclaimed (追回) when the work was not
//! done as agreed. Whole fen throughout; the stages add up to the award exactly.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Fen;
use crate::authoring::{one_line, FieldError};

/// The share of the award each stage pays, in percent.
pub const STAGE_SHARES: [i64; 3] = [50, 30, 20];

/// A stage of payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// On signing the agreement.
    Signing,
    /// On the mid-term report.
    MidTerm,
    /// On acceptance of the final report.
    Acceptance,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Signing, Stage::MidTerm, Stage::Acceptance];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Signing => "signing",
            Stage::MidTerm => "mid_term",
            Stage::Acceptance => "acceptance",
        }
    }

    pub fn parse(text: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Its place, 0 to 2.
    pub fn index(self) -> usize {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or_default()
    }

    pub fn label(self, locale: crate::Locale) -> &'static str {
        match (self, locale) {
            (Stage::Signing, crate::Locale::Zh) => "签订协议（50%）",
            (Stage::Signing, crate::Locale::En) => "On signing (50%)",
            (Stage::MidTerm, crate::Locale::Zh) => "中期报告（30%）",
            (Stage::MidTerm, crate::Locale::En) => "Mid-term report (30%)",
            (Stage::Acceptance, crate::Locale::Zh) => "结项验收（20%）",
            (Stage::Acceptance, crate::Locale::En) => "Acceptance (20%)",
        }
    }
}

/// What each stage pays of `award`: each share rounded down to the fen, the last stage taking
/// what is left, so they add up to the award exactly.
pub fn stage_amounts(award: Fen) -> [Fen; 3] {
    let first = Fen(award.0 * STAGE_SHARES[0] / 100);
    let second = Fen(award.0 * STAGE_SHARES[1] / 100);
    [first, second, Fen(award.0 - first.0 - second.0)]
}

/// A payment made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Payment {
    pub stage: Stage,
    pub amount: Fen,
    /// What it was released on (the agreement, a report's review).
    pub evidence: String,
    pub paid_at: i64,
}

/// A report the unit sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Half-way: what was done, what was spent; the second payment waits for it.
    MidTerm,
    /// At the end: the acceptance (验收) reads it.
    Final,
}

impl ReportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::MidTerm => "mid_term",
            ReportKind::Final => "final",
        }
    }

    pub fn parse(text: &str) -> Option<ReportKind> {
        [ReportKind::MidTerm, ReportKind::Final].into_iter().find(|k| k.as_str() == text)
    }
}

/// A report as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    pub kind: ReportKind,
    pub body: String,
    pub submitted_at: i64,
}

/// A report as the unit writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportInput {
    pub kind: ReportKind,
    /// What was done and spent, 20 to 3000 characters.
    pub body: String,
}

impl ReportInput {
    pub fn check(&self) -> Result<String, FieldError> {
        super::application::paragraphs(&self.body, 3000).filter(|b| b.chars().count() >= 20).ok_or(FieldError::new(
            "body",
            "请写明完成的工作和资金使用情况（20到3000个字）",
            "say what was done and how the money was spent (20 to 3000 characters)",
        ))
    }
}

/// The agreement as staff record it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementInput {
    /// The agreement's number, 2 to 40 characters.
    pub number: String,
    /// The day it was signed, `YYYY-MM-DD`.
    pub signed_on: String,
}

/// An agreement signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agreement {
    pub number: String,
    pub signed_on: NaiveDate,
}

impl AgreementInput {
    pub fn check(&self) -> Result<Agreement, FieldError> {
        let number = one_line(&self.number, 2, 40).ok_or(FieldError::new("number", "请填写协议编号（2到40个字）", "give the agreement's number (2 to 40 characters)"))?;
        let signed_on = NaiveDate::parse_from_str(self.signed_on.trim(), "%Y-%m-%d")
            .ok()
            .ok_or(FieldError::new("signed_on", "请填写签订日期（如 2027-05-20）", "give the day it was signed, e.g. 2027-05-20"))?;
        Ok(Agreement { number, signed_on })
    }
}

/// Money reclaimed, as staff record it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClawbackInput {
    /// In yuan, as typed; at most what was paid.
    pub amount: String,
    /// Why, 2 to 300 characters: the unit is told.
    pub reason: String,
}

impl ClawbackInput {
    /// The amount (more than zero, at most `paid`) and the reason.
    pub fn check(&self, paid: Fen) -> Result<(Fen, String), FieldError> {
        let amount = Fen::parse_yuan(&self.amount)
            .filter(|a| a.0 > 0 && *a <= paid)
            .ok_or(FieldError::new("amount", "追回金额应大于0且不超过已拨付的金额", "the amount is above zero and at most what was paid"))?;
        let reason = one_line(&self.reason, 2, 300).ok_or(FieldError::new("reason", "请写明追回的原因（2到300个字）", "say why (2 to 300 characters)"))?;
        Ok((amount, reason))
    }
}

/// What evidence releasing `stage` needs that is missing, given the reports sent and the
/// payments made: stages go in order, the mid-term one after a mid-term report, acceptance
/// after a final report.
pub fn release_refused(stage: Stage, paid: &[Stage], reports: &[ReportKind]) -> Option<&'static str> {
    let before_paid = Stage::ALL[..stage.index()].iter().all(|s| paid.contains(s));
    if paid.contains(&stage) {
        Some("paid")
    } else if !before_paid {
        Some("stage_order")
    } else if stage == Stage::MidTerm && !reports.contains(&ReportKind::MidTerm) {
        Some("no_report")
    } else if stage == Stage::Acceptance && !reports.contains(&ReportKind::Final) {
        Some("no_report")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fifty_thirty_twenty_to_the_fen() {
        assert_eq!(stage_amounts(Fen(1_500_000)), [Fen(750_000), Fen(450_000), Fen(300_000)]);
        assert_eq!(stage_amounts(Fen(1)), [Fen(0), Fen(0), Fen(1)]);
    }

    #[test]
    fn stages_go_in_order_each_on_its_evidence() {
        use ReportKind as R;
        use Stage as S;
        assert_eq!(release_refused(S::MidTerm, &[], &[R::MidTerm]), Some("stage_order"));
        assert_eq!(release_refused(S::MidTerm, &[S::Signing], &[]), Some("no_report"));
        assert_eq!(release_refused(S::MidTerm, &[S::Signing], &[R::MidTerm]), None);
        assert_eq!(release_refused(S::Acceptance, &[S::Signing, S::MidTerm], &[R::MidTerm]), Some("no_report"));
        assert_eq!(release_refused(S::Acceptance, &[S::Signing, S::MidTerm], &[R::MidTerm, R::Final]), None);
        assert_eq!(release_refused(S::Signing, &[S::Signing], &[]), Some("paid"));
    }

    #[test]
    fn a_clawback_is_at_most_what_was_paid() {
        let input = |amount: &str| ClawbackInput { amount: amount.into(), reason: "未按协议实施".into() };
        assert!(input("7,500").check(Fen(750_000)).is_ok());
        assert_eq!(input("7,500.01").check(Fen(750_000)).unwrap_err().field, "amount");
        assert_eq!(input("0").check(Fen(750_000)).unwrap_err().field, "amount");
    }

    proptest! {
        #[test]
        fn the_stages_add_up_to_the_award_and_none_is_negative(award in 0i64..10_000_000_000) {
            let stages = stage_amounts(Fen(award));
            prop_assert_eq!(stages.iter().map(|s| s.0).sum::<i64>(), award);
            prop_assert!(stages.iter().all(|s| s.0 >= 0));
            prop_assert!(stages[0].0 * 100 <= award * 50 && stages[1].0 * 100 <= award * 30);
        }
    }
}
