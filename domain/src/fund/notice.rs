//! Public notice (公示) of the committee's awards: published for the call's notice days, open
//! to objections from anyone logged in, each answered by staff. An award becomes final only
//! once its notice has ended and every objection is answered; an upheld objection declines it.

use serde::{Deserialize, Serialize};

use super::application::paragraphs;
use super::{AppStatus, Fen};
use crate::authoring::{one_line, FieldError};
use crate::ids::{FundApplicationId, FundCallId, FundObjectionId};

/// A day, in seconds.
const DAY: i64 = 24 * 60 * 60;

/// Objections one resident may lodge in a day (all awards together).
pub const OBJECTIONS_PER_DAY: i64 = 5;

/// When a notice published at `published_at` for `days` days ends.
pub fn notice_ends(published_at: i64, days: i32) -> i64 {
    published_at + i64::from(days.max(1)) * DAY
}

/// Why an award cannot become final yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotFinal {
    /// The notice runs until then (UTC seconds).
    NoticeRunning(i64),
    /// So many objections wait for an answer.
    Unanswered(i64),
}

/// Whether an award in notice until `until`, with `unanswered` objections, is final at `now`.
pub fn may_finalise(now: i64, until: i64, unanswered: i64) -> Result<(), NotFinal> {
    if now < until {
        Err(NotFinal::NoticeRunning(until))
    } else if unanswered > 0 {
        Err(NotFinal::Unanswered(unanswered))
    } else {
        Ok(())
    }
}

/// An objection as it is lodged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObjectionInput {
    /// What is wrong with the award and why, 10 to 1000 characters (staff read it; it is
    /// never published).
    pub objection: String,
}

impl ObjectionInput {
    /// The objection's text, trimmed.
    pub fn check(&self) -> Result<String, FieldError> {
        paragraphs(&self.objection, 1000).filter(|text| text.chars().count() >= 10).ok_or(FieldError::new(
            "objection",
            "请写明异议的内容和理由（10到1000个字）",
            "say what is wrong with the award and why (10 to 1000 characters)",
        ))
    }
}

/// Staff's answer to an objection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerInput {
    /// What was found, 2 to 300 characters: the objector is told it.
    pub answer: String,
    /// Whether the objection stands: an upheld one declines the award.
    pub upheld: bool,
}

impl AnswerInput {
    /// The answer's text, trimmed.
    pub fn check(&self) -> Result<String, FieldError> {
        one_line(&self.answer, 2, 300).ok_or(FieldError::new("answer", "请写明答复（2到300个字）", "write the answer (2 to 300 characters)"))
    }
}

/// An objection, as staff read it (the objector's number masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Objection {
    pub id: FundObjectionId,
    pub application_id: FundApplicationId,
    /// The objector's mobile number, masked (138****5678).
    pub objector: String,
    pub objection: String,
    pub lodged_at: i64,
    pub answer: Option<String>,
    pub upheld: Option<bool>,
    pub answered_at: Option<i64>,
}

/// An award as the public list shows it: in notice, final, or being carried out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicAward {
    pub application_id: FundApplicationId,
    pub call_id: FundCallId,
    pub year: i32,
    pub unit_name: String,
    pub project: String,
    pub category_name: String,
    pub category_name_en: String,
    pub amount: Fen,
    /// In notice, awarded, contracted or completed.
    pub status: AppStatus,
    /// When its public notice ends (or ended), UTC seconds.
    pub notice_until: Option<i64>,
}

/// A year's awards as the public list shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Awards {
    /// The year shown.
    pub year: i32,
    /// Every year with awards, the latest first (to choose another).
    pub years: Vec<i32>,
    pub awards: Vec<PublicAward>,
    /// What they add up to.
    pub total: Fen,
}

/// The statuses the public list shows.
pub const PUBLIC: [AppStatus; 4] = [AppStatus::InNotice, AppStatus::Awarded, AppStatus::Contracted, AppStatus::Completed];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_award_is_final_only_after_its_notice_with_every_objection_answered() {
        let until = notice_ends(1_000, 7);
        assert_eq!(until, 1_000 + 7 * DAY);
        assert_eq!(may_finalise(until - 1, until, 0), Err(NotFinal::NoticeRunning(until)));
        assert_eq!(may_finalise(until, until, 2), Err(NotFinal::Unanswered(2)));
        assert_eq!(may_finalise(until, until, 0), Ok(()));
        assert_eq!(notice_ends(0, 0), DAY, "a notice lasts a day at least");
    }

    #[test]
    fn an_objection_says_something_and_an_answer_fits_a_message() {
        let short = ObjectionInput { objection: " 不公平 ".into() };
        assert_eq!(short.check().unwrap_err().field, "objection");
        let long = ObjectionInput { objection: "字".repeat(1001) };
        assert!(long.check().is_err());
        let fine = ObjectionInput { objection: "该单位去年的项目未完成验收，\r\n不应再获资助。".into() };
        assert_eq!(fine.check().unwrap(), "该单位去年的项目未完成验收，\n不应再获资助。");
        let hidden = ObjectionInput { objection: "看起来正常的异议内容\u{0007}".into() };
        assert!(hidden.check().is_err());
        assert!(AnswerInput { answer: "已核实".into(), upheld: false }.check().is_ok());
        assert_eq!(AnswerInput { answer: "x".into(), upheld: true }.check().unwrap_err().field, "answer");
    }
}
