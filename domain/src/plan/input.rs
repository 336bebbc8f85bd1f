//! What staff and residents write about the plan, checked before anything is stored. Every
//! refusal names its field, so a form can show it beside what was typed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Measure, Milestone, Reported};
use crate::authoring::{one_line, paragraphs, FieldError};
use crate::ids::StaffId;

/// The most cooperating units a task names.
pub const MAX_COOPERATING: usize = 12;
/// The most owners a task has.
pub const MAX_OWNERS: usize = 10;

/// A change to a task. Fields left out stay as they are. The leading group (district admins)
/// may change any; a task's owners only `status` and `note`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaskPatch {
    /// 2 to 60 characters.
    pub name: Option<String>,
    /// What the task is for, up to 500 characters.
    pub summary: Option<String>,
    /// 2 to 60 characters.
    pub lead_unit: Option<String>,
    /// Each 2 to 60 characters, at most 12.
    pub cooperating_units: Option<Vec<String>>,
    /// `YYYY-MM-DD`, a day in the district.
    pub deadline: Option<String>,
    /// Staff accounts that keep the task up to date, at most 10.
    pub owners: Option<Vec<StaffId>>,
    /// How it goes; `done` only once every milestone is done. Overdue is never typed.
    pub status: Option<Reported>,
    /// The owner's word on how it goes, up to 500 characters.
    pub note: Option<String>,
}

/// A patch whose every field was checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckedPatch {
    pub name: Option<String>,
    pub summary: Option<String>,
    pub lead_unit: Option<String>,
    pub cooperating_units: Option<Vec<String>>,
    pub deadline: Option<NaiveDate>,
    pub owners: Option<Vec<StaffId>>,
    pub status: Option<Reported>,
    pub note: Option<String>,
}

impl TaskPatch {
    /// Whether it changes what only the leading group decides.
    pub fn touches_plan(&self) -> bool {
        self.name.is_some()
            || self.summary.is_some()
            || self.lead_unit.is_some()
            || self.cooperating_units.is_some()
            || self.deadline.is_some()
            || self.owners.is_some()
    }

    /// Checks every field given; `milestones` are the task's, for "done".
    pub fn check(&self, milestones: &[Milestone]) -> Result<CheckedPatch, FieldError> {
        let unit = |text: &String, field| one_line(text, 2, 60).ok_or(FieldError::new(field, "请填写2到60个字", "use 2 to 60 characters"));
        let cooperating = match &self.cooperating_units {
            None => None,
            Some(units) if units.len() > MAX_COOPERATING => {
                return Err(FieldError::new("cooperating_units", "配合单位最多12个", "name at most 12 units"))
            }
            Some(units) => Some(units.iter().map(|u| unit(u, "cooperating_units")).collect::<Result<Vec<_>, _>>()?),
        };
        if let Some(owners) = &self.owners {
            if owners.len() > MAX_OWNERS {
                return Err(FieldError::new("owners", "责任人最多10位", "name at most 10 owners"));
            }
        }
        if self.status == Some(Reported::Done) && milestones.iter().any(|m| m.done_at.is_none()) {
            return Err(FieldError::new("status", "还有未完成的节点，不能标为已完成", "mark every milestone done first"));
        }
        let long = |text: &String, field| {
            if text.trim().is_empty() {
                Ok(String::new())
            } else {
                paragraphs(text, 500).ok_or(FieldError::new(field, "最多500个字", "use at most 500 characters"))
            }
        };
        Ok(CheckedPatch {
            name: self.name.as_ref().map(|n| unit(n, "name")).transpose()?,
            summary: self.summary.as_ref().map(|s| long(s, "summary")).transpose()?,
            lead_unit: self.lead_unit.as_ref().map(|u| unit(u, "lead_unit")).transpose()?,
            cooperating_units: cooperating,
            deadline: self.deadline.as_deref().map(|d| day(d, "deadline")).transpose()?,
            owners: self.owners.clone().map(|mut o| {
                o.sort();
                o.dedup();
                o
            }),
            status: self.status,
            note: self.note.as_ref().map(|n| long(n, "note")).transpose()?,
        })
    }
}

/// A `YYYY-MM-DD` day, as typed into a date field.
pub fn day(text: &str, field: &'static str) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&chrono::Datelike::year(d)))
        .ok_or(FieldError::new(field, "请填写日期（年-月-日）", "give a date (year-month-day)"))
}

/// A new milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MilestoneInput {
    /// 2 to 60 characters.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
}

impl MilestoneInput {
    /// The title and the day.
    pub fn check(&self) -> Result<(String, NaiveDate), FieldError> {
        let title = one_line(&self.title, 2, 60).ok_or(FieldError::new("title", "请填写2到60个字", "use 2 to 60 characters"))?;
        Ok((title, day(&self.due_on, "due_on")?))
    }
}

/// A link or a live indicator to add as evidence (files are uploaded apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceInput {
    /// What it shows, 2 to 60 characters.
    pub title: String,
    /// A page's address (http or https); or leave it out and name a `measure`.
    pub url: Option<String>,
    /// A figure the platform reads live.
    pub measure: Option<Measure>,
    /// The street the figure is read for; none: the district.
    pub street_id: Option<i64>,
    /// Whether `/plan` shows it to everyone.
    #[serde(default)]
    pub public: bool,
}

/// Evidence as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckedEvidence {
    Link { title: String, url: String },
    Indicator { title: String, measure: Measure, street_id: Option<i64> },
}

impl EvidenceInput {
    /// A link or an indicator, never both.
    pub fn check(&self) -> Result<CheckedEvidence, FieldError> {
        let title = evidence_title(&self.title)?;
        match (self.url.as_deref().map(str::trim).filter(|u| !u.is_empty()), self.measure) {
            (Some(url), None) => Ok(CheckedEvidence::Link { title, url: link(url)? }),
            (None, Some(measure)) => Ok(CheckedEvidence::Indicator { title, measure, street_id: self.street_id }),
            _ => Err(FieldError::new("url", "请填写链接，或选择一项平台指标（二选一）", "give a link or choose one of the platform's figures (one of the two)")),
        }
    }
}

/// A title for evidence (files too).
pub fn evidence_title(text: &str) -> Result<String, FieldError> {
    one_line(text, 2, 60).ok_or(FieldError::new("title", "请填写2到60个字", "use 2 to 60 characters"))
}

/// A link people may follow: http or https, a host, no spaces or control characters.
pub fn link(url: &str) -> Result<String, FieldError> {
    let refused = FieldError::new("url", "请填写以 http:// 或 https:// 开头的完整链接", "give a whole address starting with http:// or https://");
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).ok_or(refused.clone())?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let fine = url.len() <= 500
        && !host.is_empty()
        && !host.starts_with('.')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\\'));
    fine.then(|| url.to_string()).ok_or(refused)
}

/// A resident's comment to a task's lead unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentInput {
    /// 5 to 500 characters; shown under the task only once the lead unit approves it.
    pub comment: String,
}

impl CommentInput {
    /// The comment, trimmed.
    pub fn check(&self) -> Result<String, FieldError> {
        paragraphs(&self.comment, 500).filter(|c| c.chars().count() >= 5).ok_or(FieldError::new(
            "comment",
            "请写下您的意见（5到500个字）",
            "write your comment (5 to 500 characters)",
        ))
    }
}

/// Staff's decision on a resident's comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentDecision {
    /// Whether `/plan` shows it.
    pub show: bool,
    /// The lead unit's reply, shown with it: up to 300 characters.
    pub reply: Option<String>,
}

impl CommentDecision {
    /// The reply, trimmed; none when empty.
    pub fn check(&self) -> Result<Option<String>, FieldError> {
        match self.reply.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            None => Ok(None),
            Some(reply) => one_line(reply, 2, 300).map(Some).ok_or(FieldError::new("answer", "答复请写2到300个字", "write the reply in 2 to 300 characters")),
        }
    }
}
