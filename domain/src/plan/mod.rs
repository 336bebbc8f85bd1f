//! The demonstration-zone work plan (创建工作方案): its tasks, each with a lead unit, owners, a
//! deadline, milestones and evidence. What a task's status is, is decided here: owners say how
//! it goes (not started, on track, at risk, done); "overdue" is never typed, it follows from the
//! dates in the district's zone, and a milestone past its date puts the task at risk.

pub mod input;
pub mod measure;
#[cfg(test)]
mod tests;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

pub use input::{CommentDecision, CommentInput, EvidenceInput, MilestoneInput, TaskPatch};
pub use measure::{Measure, Reading, Unit};

use crate::ids::{PlanEvidenceId, PlanMilestoneId, PlanTaskId, StaffId};
use crate::time::start_of_day;
use crate::Locale;

/// How an owner says a task goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reported {
    NotStarted,
    OnTrack,
    AtRisk,
    Done,
}

impl Reported {
    /// Every value, in the order forms offer them.
    pub const ALL: [Reported; 4] = [Reported::NotStarted, Reported::OnTrack, Reported::AtRisk, Reported::Done];

    /// Its name in storage and on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Reported::NotStarted => "not_started",
            Reported::OnTrack => "on_track",
            Reported::AtRisk => "at_risk",
            Reported::Done => "done",
        }
    }

    /// The value named `text`.
    pub fn parse(text: &str) -> Option<Reported> {
        Reported::ALL.into_iter().find(|r| r.as_str() == text.trim())
    }
}

/// A task's status as everyone sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    NotStarted,
    OnTrack,
    AtRisk,
    /// The deadline has passed and the task is not done.
    Overdue,
    Done,
}

/// What an owner's word reads as before the dates have their say (`status`).
impl From<Reported> for TaskStatus {
    fn from(reported: Reported) -> TaskStatus {
        match reported {
            Reported::NotStarted => TaskStatus::NotStarted,
            Reported::OnTrack => TaskStatus::OnTrack,
            Reported::AtRisk => TaskStatus::AtRisk,
            Reported::Done => TaskStatus::Done,
        }
    }
}

impl TaskStatus {
    /// Its name on the wire (and the class pages colour it by).
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "not_started",
            TaskStatus::OnTrack => "on_track",
            TaskStatus::AtRisk => "at_risk",
            TaskStatus::Overdue => "overdue",
            TaskStatus::Done => "done",
        }
    }

    /// Its name for people.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (TaskStatus::NotStarted, Locale::Zh) => "未开始",
            (TaskStatus::NotStarted, Locale::En) => "Not started",
            (TaskStatus::OnTrack, Locale::Zh) => "按计划推进",
            (TaskStatus::OnTrack, Locale::En) => "On track",
            (TaskStatus::AtRisk, Locale::Zh) => "有风险",
            (TaskStatus::AtRisk, Locale::En) => "At risk",
            (TaskStatus::Overdue, Locale::Zh) => "已逾期",
            (TaskStatus::Overdue, Locale::En) => "Overdue",
            (TaskStatus::Done, Locale::Zh) => "已完成",
            (TaskStatus::Done, Locale::En) => "Done",
        }
    }

    /// Whether the leading group should look at it (the dashboard flags it).
    pub fn needs_attention(self) -> bool {
        matches!(self, TaskStatus::AtRisk | TaskStatus::Overdue)
    }
}

/// The first second (UTC) at which something due on `date` in the district is late: the next
/// local midnight. A date at the end of chrono's range is never late.
pub fn late_from(date: NaiveDate) -> i64 {
    date.checked_add_days(Days::new(1)).map_or(i64::MAX, start_of_day)
}

/// A task's status at `now`: done when its owner says so; overdue once the deadline's day is
/// over; at risk when its owner says so or a milestone's day is over while it is open.
pub fn status(reported: Reported, deadline: NaiveDate, milestones: &[Milestone], now: i64) -> TaskStatus {
    if reported == Reported::Done {
        TaskStatus::Done
    } else if now >= late_from(deadline) {
        TaskStatus::Overdue
    } else if reported == Reported::AtRisk || milestones.iter().any(|m| m.done_at.is_none() && now >= late_from(m.due_on)) {
        TaskStatus::AtRisk
    } else if reported == Reported::OnTrack {
        TaskStatus::OnTrack
    } else {
        TaskStatus::NotStarted
    }
}

/// How far a task is, in whole percent: the share of its milestones done (a done task with none
/// is 100, an open one 0).
pub fn progress(reported: Reported, milestones: &[Milestone]) -> u8 {
    if milestones.is_empty() {
        return if reported == Reported::Done { 100 } else { 0 };
    }
    let done = milestones.iter().filter(|m| m.done_at.is_some()).count();
    (done * 100 / milestones.len()) as u8
}

/// A step of a task with its own date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Milestone {
    pub id: PlanMilestoneId,
    pub title: String,
    /// The day it is due, in the district (`YYYY-MM-DD`).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub due_on: NaiveDate,
    /// When it was marked done (UTC seconds).
    pub done_at: Option<i64>,
    /// The live evidence as it read when the milestone was marked done.
    pub readings: Vec<MilestoneReading>,
}

/// A live indicator's reading kept when a milestone was marked done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MilestoneReading {
    pub evidence_id: PlanEvidenceId,
    pub reading: Reading,
}

/// What backs a task's progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EvidenceBody {
    /// A page elsewhere (http or https).
    Link { url: String },
    /// A file kept with the task: PDF, JPEG, PNG or DOCX.
    File { media_type: String, bytes: i64 },
    /// A figure the platform reads live, for the district or one street.
    Indicator { measure: Measure, street_id: Option<i64>, street: Option<String>, now: Reading },
}

/// One piece of evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evidence {
    pub id: PlanEvidenceId,
    pub title: String,
    /// Whether `/plan` shows it to everyone.
    pub public: bool,
    pub added_at: i64,
    #[serde(flatten)]
    pub body: EvidenceBody,
}

/// A task as staff read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanTask {
    pub id: PlanTaskId,
    /// Its number in the plan (1–18 in the demo).
    pub number: i32,
    pub name: String,
    pub summary: String,
    pub lead_unit: String,
    pub cooperating_units: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub deadline: NaiveDate,
    pub reported: Reported,
    /// Derived from `reported` and the dates (`plan::status`).
    pub status: TaskStatus,
    /// Derived from the milestones (`plan::progress`).
    pub progress: u8,
    /// The owner's latest word on how it goes.
    pub note: String,
    pub owners: Vec<Owner>,
    pub milestones: Vec<Milestone>,
    pub evidence: Vec<Evidence>,
    /// Seeded demonstration data.
    pub demo: bool,
    pub updated_at: i64,
}

/// A staff account that keeps a task up to date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Owner {
    pub id: StaffId,
    pub display_name: String,
}

/// A task as the public follows it on `/plan`: no owners, no private evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicTask {
    pub id: PlanTaskId,
    pub number: i32,
    pub name: String,
    pub summary: String,
    pub lead_unit: String,
    pub cooperating_units: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub deadline: NaiveDate,
    pub status: TaskStatus,
    pub progress: u8,
    pub milestones: Vec<PublicMilestone>,
    pub evidence: Vec<Evidence>,
    /// Residents' comments the lead unit chose to show, oldest first.
    pub comments: Vec<PublicComment>,
    pub demo: bool,
}

/// A milestone as the public sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicMilestone {
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub due_on: NaiveDate,
    pub done: bool,
}

/// A resident's comment shown under a task (the author is not named).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicComment {
    pub body: String,
    pub sent_at: i64,
    /// The lead unit's reply, if any.
    pub reply: Option<String>,
}

impl PlanTask {
    /// What the public sees of it; comments are read apart.
    pub fn public(&self, comments: Vec<PublicComment>) -> PublicTask {
        PublicTask {
            id: self.id,
            number: self.number,
            name: self.name.clone(),
            summary: self.summary.clone(),
            lead_unit: self.lead_unit.clone(),
            cooperating_units: self.cooperating_units.clone(),
            deadline: self.deadline,
            status: self.status,
            progress: self.progress,
            milestones: self
                .milestones
                .iter()
                .map(|m| PublicMilestone { title: m.title.clone(), due_on: m.due_on, done: m.done_at.is_some() })
                .collect(),
            evidence: self.evidence.iter().filter(|e| e.public).cloned().collect(),
            comments,
            demo: self.demo,
        }
    }

    /// Whether `staff` keeps this task.
    pub fn owned_by(&self, staff: StaffId) -> bool {
        self.owners.iter().any(|o| o.id == staff)
    }
}

/// Comments one resident may send in a day (all tasks together).
pub const COMMENTS_PER_DAY: i64 = 5;

/// Where a resident's comment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CommentState {
    /// Waiting for the lead unit to read it.
    Pending,
    /// Shown under the task on `/plan`.
    Shown,
    /// Read, not shown.
    Hidden,
}

impl CommentState {
    /// Its name in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            CommentState::Pending => "pending",
            CommentState::Shown => "shown",
            CommentState::Hidden => "hidden",
        }
    }

    /// The state named `text` (storage's CHECK admits only these).
    pub fn parse(text: &str) -> CommentState {
        match text {
            "shown" => CommentState::Shown,
            "hidden" => CommentState::Hidden,
            _ => CommentState::Pending,
        }
    }
}

/// A resident's comment as staff read it (the author's number masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comment {
    pub id: crate::ids::PlanCommentId,
    pub task_id: PlanTaskId,
    /// e.g. 138****5678.
    pub author: String,
    pub body: String,
    pub sent_at: i64,
    pub state: CommentState,
    pub reply: Option<String>,
}

/// The first second of this year in the district up to the year's end: the period the live
/// evidence of a task counts.
pub fn this_year(now: i64) -> crate::dashboard::Window {
    use chrono::Datelike;
    let year = crate::time::local(now).year();
    let first = |y| NaiveDate::from_ymd_opt(y, 1, 1).map_or(0, start_of_day);
    crate::dashboard::Window { from: first(year), to: first(year + 1) }
}
