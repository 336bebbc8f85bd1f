//! What organisers type about courses, sessions and the workers they enrol, checked before
//! anything is stored. Every refusal names its field.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::Hours;
use crate::account::PhoneNumber;
use crate::authoring::{one_line, paragraphs, FieldError};

/// The most places one session offers.
pub const MAX_PLACES: u32 = 500;
/// The longest session, in seconds: a training day.
pub const LONGEST_SESSION: i64 = 12 * 3600;

/// A new course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CourseInput {
    /// 2 to 60 characters.
    pub topic: String,
    /// Who teaches it, 2 to 40 characters.
    pub trainer: String,
    /// The hours attending counts for: whole half hours from 0.5 to 40.
    pub hours: f64,
    /// What it covers, up to 1,000 characters.
    #[serde(default)]
    pub summary: String,
    /// The organising street (street admins: their own, given or not); none for the district.
    #[serde(default)]
    pub street_id: Option<i64>,
}

/// A course whose every field was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedCourse {
    pub topic: String,
    pub trainer: String,
    pub hours: Hours,
    pub summary: String,
}

impl CourseInput {
    /// Checks every field.
    pub fn check(&self) -> Result<CheckedCourse, FieldError> {
        let topic = one_line(&self.topic, 2, 60).ok_or(FieldError::new("topic", "请用2到60个字写培训主题", "use 2 to 60 characters"))?;
        let trainer = one_line(&self.trainer, 2, 40).ok_or(FieldError::new("trainer", "请用2到40个字写授课人", "use 2 to 40 characters"))?;
        let hours = Hours::course(self.hours).ok_or(FieldError::new("hours", "学时须为0.5到40之间的整数或半数", "whole half hours from 0.5 to 40"))?;
        let summary = paragraphs(&self.summary, 1000).ok_or(FieldError::new("summary", "内容简介最多1000字", "at most 1,000 characters"))?;
        Ok(CheckedCourse { topic, trainer, hours, summary })
    }
}

/// A new session of a course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrainingSessionInput {
    /// RFC 3339, e.g. `2026-12-10T09:00:00+08:00`; in the future.
    pub starts_at: DateTime<FixedOffset>,
    /// After the start, at most 12 hours later.
    pub ends_at: DateTime<FixedOffset>,
    /// Where it is held, 2 to 60 characters.
    pub venue: String,
    /// Places, 1 to 500.
    pub capacity: u32,
}

impl TrainingSessionInput {
    /// Checks the times (`now` in UTC seconds), the venue and the places; the venue trimmed.
    pub fn check(&self, now: i64) -> Result<TrainingSessionInput, FieldError> {
        let venue = one_line(&self.venue, 2, 60).ok_or(FieldError::new("venue", "请用2到60个字写培训地点", "use 2 to 60 characters"))?;
        if !(1..=MAX_PLACES).contains(&self.capacity) {
            return Err(FieldError::new("capacity", "名额应在1到500之间", "between 1 and 500"));
        }
        if self.starts_at.timestamp() <= now {
            return Err(FieldError::new("starts_at", "开始时间应在将来", "must be in the future"));
        }
        let length = self.ends_at.timestamp() - self.starts_at.timestamp();
        if length <= 0 {
            return Err(FieldError::new("ends_at", "结束时间应晚于开始时间", "must be after the start"));
        }
        if length > LONGEST_SESSION {
            return Err(FieldError::new("ends_at", "一场培训最长12小时", "a session lasts at most 12 hours"));
        }
        Ok(TrainingSessionInput { venue, ..self.clone() })
    }
}

/// A grassroots cultural worker enrolled by an organiser: someone without a console account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkerInput {
    /// 2 to 20 characters.
    pub name: String,
    /// Their unit (e.g. a community's cultural room), 2 to 60 characters.
    pub unit: String,
    /// A mainland mobile number; shown masked in every list.
    pub mobile: String,
    /// The street they work in, for the street's figures; none for district-level units.
    #[serde(default)]
    pub street_id: Option<i64>,
}

/// A worker whose every field was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedWorker {
    pub name: String,
    pub unit: String,
    pub mobile: PhoneNumber,
    pub street_id: Option<i64>,
}

impl WorkerInput {
    /// Checks every field (whether the street exists is the store's question).
    pub fn check(&self) -> Result<CheckedWorker, FieldError> {
        let name = one_line(&self.name, 2, 20).ok_or(FieldError::new("display_name", "请用2到20个字写姓名", "use 2 to 20 characters"))?;
        let unit = one_line(&self.unit, 2, 60).ok_or(FieldError::new("unit", "请用2到60个字写所在单位", "use 2 to 60 characters"))?;
        let mobile = PhoneNumber::parse(&self.mobile).map_err(|_| FieldError::new("mobile", "请填写11位手机号码", "an 11-digit mainland mobile number"))?;
        Ok(CheckedWorker { name, unit, mobile, street_id: self.street_id.filter(|s| *s > 0) })
    }
}
