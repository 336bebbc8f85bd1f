//! 非遗专项资金 — the district's fund for protecting and passing on intangible heritage
//! (《石景山区非物质文化遗产保护传承专项资金管理暂行办法》): support categories as data (a cap per
//! award, the attachments an application needs), a yearly call (申报通知) with its budget and
//! dates, and the life of an application (`workflow`). Money is whole fen (`money`).

mod application;
mod applied;
mod attachment;
mod award;
pub mod boards;
mod money;
pub mod notice;
pub mod payments;
pub mod review;
mod workflow;

pub use applied::{Attachment, FundApplication};
pub use application::{ApplicationInput, BudgetLine, BudgetLineInput, CheckedApplication, MAX_BUDGET_LINES, MAX_PARAGRAPHS};
#[cfg(feature = "files")]
pub use attachment::recognise;
pub use attachment::{file_name, AttachmentKind, AttachmentProblem, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES};
pub use award::{check_award, AwardRefused, COMMITTED};
pub use money::{Fen, MAX_FEN};
pub use workflow::{next, AppAction, AppStatus, MoveRefused, Mover};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::authoring::{one_line, FieldError};
use crate::ids::{FundCallId, FundCategoryId};

/// A support category (支持类别).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FundCategory {
    pub id: FundCategoryId,
    /// A short code (`research`, `exhibition`, …).
    pub code: String,
    pub name: String,
    pub name_en: String,
    /// What it supports.
    pub description: String,
    /// The most one award in this category may be.
    pub cap: Fen,
    /// What every application in this category must attach.
    pub attachments: Vec<String>,
    /// One of the defaults a district starts with (changeable like any other).
    pub default: bool,
    /// Retired categories take no new applications.
    pub retired: bool,
}

/// A category as staff write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryInput {
    /// Lower-case letters, digits and hyphens, 2 to 30.
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub description: String,
    /// The cap in yuan, as typed ("50,000").
    pub cap: String,
    /// The attachments required, each 2 to 30 characters; at most 10.
    #[serde(default)]
    pub attachments: Vec<String>,
    #[serde(default)]
    pub retired: bool,
}

/// A category's facts, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedCategory {
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub description: String,
    pub cap: Fen,
    pub attachments: Vec<String>,
    pub retired: bool,
}

impl CategoryInput {
    /// Checks the category; the error names the field.
    pub fn check(&self) -> Result<CheckedCategory, FieldError> {
        let code = self.code.trim();
        let code_ok = (2..=30).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !code_ok {
            return Err(FieldError::new("code", "代码为2到30个小写字母、数字或连字符", "2 to 30 lower-case letters, digits or hyphens"));
        }
        let name = one_line(&self.name, 2, 30).ok_or(FieldError::new("name", "请填写类别名称（2到30个字）", "give the category's name (2 to 30 characters)"))?;
        let name_en = one_line(&self.name_en, 0, 80).ok_or(FieldError::new("name_en", "英文名称不超过80个字符", "at most 80 characters"))?;
        let description = one_line(&self.description, 0, 300).ok_or(FieldError::new("description", "说明为一段，不超过300个字", "one paragraph, at most 300 characters"))?;
        let cap = Fen::parse_yuan(&self.cap)
            .filter(|c| c.0 > 0)
            .ok_or(FieldError::new("cap", "请填写每项资助上限（元，如 50,000）", "give the cap per award in yuan, e.g. 50,000"))?;
        if self.attachments.len() > 10 {
            return Err(FieldError::new("attachments", "必备附件最多10项", "at most 10 required attachments"));
        }
        let attachments = self
            .attachments
            .iter()
            .map(|a| one_line(a, 2, 30))
            .collect::<Option<Vec<_>>>()
            .ok_or(FieldError::new("attachments", "每项附件名称为2到30个字", "each attachment's name has 2 to 30 characters"))?;
        Ok(CheckedCategory { code: code.into(), name, name_en, description, cap, attachments, retired: self.retired })
    }
}

/// Where a call stands, by its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CallPhase {
    /// Applications open later.
    Upcoming,
    /// Applications are taken.
    Open,
    /// The deadline has passed.
    Closed,
}

/// A yearly call for applications (申报通知).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FundCall {
    pub id: FundCallId,
    pub year: i32,
    pub title: String,
    /// What the call may award in all.
    pub budget: Fen,
    /// Awards proposed, in notice or final: what the budget no longer holds.
    pub committed: Fen,
    /// Applications are taken from the start of `opens_on` to the end of `closes_on`, district time.
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    /// How long proposed awards are published for objections (公示), in days.
    pub notice_days: i32,
    pub phase: CallPhase,
}

impl FundCall {
    /// What the budget still holds.
    pub fn remaining(&self) -> Fen {
        self.budget - self.committed
    }
}

/// A call's first and last instants (UTC seconds): the start of its first day and the end of
/// its last, in the district's time zone.
pub fn call_window(opens_on: NaiveDate, closes_on: NaiveDate) -> (i64, i64) {
    (crate::time::start_of_day(opens_on), crate::time::start_of_day(closes_on) + 86_400 - 1)
}

/// The phase of a call with these dates at `now`.
pub fn call_phase(opens_on: NaiveDate, closes_on: NaiveDate, now: i64) -> CallPhase {
    let (opens, closes) = call_window(opens_on, closes_on);
    if now < opens {
        CallPhase::Upcoming
    } else if now <= closes {
        CallPhase::Open
    } else {
        CallPhase::Closed
    }
}

/// A call as staff write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallInput {
    pub year: i32,
    /// 2 to 60 characters.
    pub title: String,
    /// The total budget in yuan, as typed ("1,000,000").
    pub budget: String,
    /// `YYYY-MM-DD`.
    pub opens_on: String,
    pub closes_on: String,
    /// Days of public notice for proposed awards (1 to 30; 7 when absent).
    #[serde(default)]
    pub notice_days: Option<i32>,
}

/// A call's facts, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedCall {
    pub year: i32,
    pub title: String,
    pub budget: Fen,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub notice_days: i32,
}

/// Days of public notice when staff do not say.
pub const DEFAULT_NOTICE_DAYS: i32 = 7;

impl CallInput {
    /// Checks the call; the error names the field.
    pub fn check(&self) -> Result<CheckedCall, FieldError> {
        if !(2016..=2100).contains(&self.year) {
            return Err(FieldError::new("year", "年度应在2016到2100之间", "a year from 2016 to 2100"));
        }
        let title = one_line(&self.title, 2, 60).ok_or(FieldError::new("title", "请填写通知标题（2到60个字）", "give the call's title (2 to 60 characters)"))?;
        let budget = Fen::parse_yuan(&self.budget)
            .filter(|b| b.0 > 0)
            .ok_or(FieldError::new("budget", "请填写资金总额（元，如 1,000,000）", "give the total budget in yuan, e.g. 1,000,000"))?;
        let day = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        let opens_on = day(&self.opens_on).ok_or(FieldError::new("opens_on", "请填写开始申报的日期", "give the day applications open"))?;
        let closes_on = day(&self.closes_on)
            .filter(|c| *c >= opens_on)
            .ok_or(FieldError::new("closes_on", "截止日期应不早于开始日期", "the closing day is on or after the opening day"))?;
        let notice_days = self.notice_days.unwrap_or(DEFAULT_NOTICE_DAYS);
        if !(1..=30).contains(&notice_days) {
            return Err(FieldError::new("notice_days", "公示期为1到30天", "1 to 30 days of public notice"));
        }
        Ok(CheckedCall { year: self.year, title, budget, opens_on, closes_on, notice_days })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category() -> CategoryInput {
        CategoryInput {
            code: "research".into(),
            name: "非遗理论研究".into(),
            name_en: "Theory research".into(),
            description: "研究".into(),
            cap: "50,000".into(),
            attachments: vec!["研究方案".into()],
            retired: false,
        }
    }

    #[test]
    fn a_category_is_checked_field_by_field() {
        assert_eq!(category().check().unwrap().cap, Fen(5_000_000));
        let field = |c: CategoryInput| c.check().unwrap_err().field;
        assert_eq!(field(CategoryInput { code: "Research!".into(), ..category() }), "code");
        assert_eq!(field(CategoryInput { name: "研".into(), ..category() }), "name");
        assert_eq!(field(CategoryInput { cap: "0".into(), ..category() }), "cap");
        assert_eq!(field(CategoryInput { cap: "五万".into(), ..category() }), "cap");
        assert_eq!(field(CategoryInput { attachments: vec!["方".into()], ..category() }), "attachments");
        assert_eq!(field(CategoryInput { attachments: vec!["研究方案".into(); 11], ..category() }), "attachments");
    }

    fn call() -> CallInput {
        CallInput {
            year: 2027,
            title: "2027年度非遗专项资金申报".into(),
            budget: "1,000,000".into(),
            opens_on: "2027-03-01".into(),
            closes_on: "2027-03-31".into(),
            notice_days: None,
        }
    }

    #[test]
    fn a_call_is_checked_and_open_whole_days_in_the_districts_zone() {
        let checked = call().check().unwrap();
        assert_eq!((checked.budget, checked.notice_days), (Fen(100_000_000), 7));
        let field = |c: CallInput| c.check().unwrap_err().field;
        assert_eq!(field(CallInput { closes_on: "2027-02-28".into(), ..call() }), "closes_on");
        assert_eq!(field(CallInput { opens_on: "2027-02-30".into(), ..call() }), "opens_on");
        assert_eq!(field(CallInput { notice_days: Some(0), ..call() }), "notice_days");
        assert_eq!(field(CallInput { budget: "-5".into(), ..call() }), "budget");
        assert_eq!(field(CallInput { year: 1999, ..call() }), "year");
        // 2027-03-01 00:00 in Beijing is 2027-02-28 16:00 UTC; 03-31 23:59:59 is 15:59:59 UTC.
        let (opens, closes) = call_window(checked.opens_on, checked.closes_on);
        assert_eq!(opens, 1_803_830_400);
        assert_eq!(closes, 1_806_508_799);
        assert_eq!(call_phase(checked.opens_on, checked.closes_on, opens - 1), CallPhase::Upcoming);
        assert_eq!(call_phase(checked.opens_on, checked.closes_on, opens), CallPhase::Open);
        assert_eq!(call_phase(checked.opens_on, checked.closes_on, closes), CallPhase::Open);
        assert_eq!(call_phase(checked.opens_on, checked.closes_on, closes + 1), CallPhase::Closed);
    }
}
