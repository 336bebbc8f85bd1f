//! Training of cultural staff (示范区创建系列专题培训): courses with a topic, a trainer and the
//! hours they count for, held in sessions with a venue and a number of places. Staff enrol
//! themselves; organisers enrol grassroots cultural workers who have no console account (name,
//! unit, mobile). People are let in by the same signed QR tickets as residents; attending a
//! session completes its course, earns its hours and a certificate.

pub mod input;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use input::{CourseInput, TrainingSessionInput, WorkerInput};

use crate::ids::{EnrolmentId, StaffId, TrainingCourseId, TrainingSessionId};
use crate::Locale;

/// Hours, kept in tenths (2.5 hours is 25) so they add up exactly: what a course counts for
/// (whole half hours from 0.5 to 40, [`Hours::course`]) and what a person's courses add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(into = "f64", try_from = "f64")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = TrainingHoursValue, value_type = f64, minimum = 0))]
pub struct Hours(pub u32);

/// The most hours one course counts for: a week of full days.
pub const MAX_COURSE_HOURS: Hours = Hours(400);

impl Hours {
    /// Reads a course's hours as typed: "2", "2.5", "2.5小时" ([`Hours::course`]).
    pub fn parse(text: &str) -> Option<Hours> {
        let text = text.trim().trim_end_matches("小时").trim_end_matches('h').trim();
        Hours::course(text.parse().ok()?)
    }

    /// What a course may count for: a whole number of half hours from 0.5 to 40.
    pub fn course(value: f64) -> Option<Hours> {
        let halves = value * 2.0;
        if !value.is_finite() || (halves - halves.round()).abs() > 1e-9 {
            return None;
        }
        let tenths = (value * 10.0).round() as i64;
        (5..=i64::from(MAX_COURSE_HOURS.0)).contains(&tenths).then_some(Hours(tenths as u32))
    }

    /// As people read it: "2.5", "3".
    pub fn show(self) -> String {
        if self.0.is_multiple_of(10) {
            (self.0 / 10).to_string()
        } else {
            format!("{}.{}", self.0 / 10, self.0 % 10)
        }
    }
}

impl From<Hours> for f64 {
    fn from(hours: Hours) -> f64 {
        f64::from(hours.0) / 10.0
    }
}

/// Any amount of hours in tenths, as a total reads back (a course's own rule is
/// [`Hours::course`]).
impl TryFrom<f64> for Hours {
    type Error = String;
    fn try_from(value: f64) -> Result<Hours, String> {
        let tenths = value * 10.0;
        let whole = (0.0..=f64::from(u32::MAX)).contains(&tenths) && (tenths - tenths.round()).abs() < 1e-6;
        whole.then(|| Hours(tenths.round() as u32)).ok_or_else(|| "hours are tenths of an hour, not below 0".into())
    }
}

/// Where an enrolment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EnrolmentStatus {
    /// Holds a place.
    Enrolled,
    /// Was let in: the course is completed.
    Attended,
    /// Gave the place back.
    Cancelled,
}

impl EnrolmentStatus {
    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            EnrolmentStatus::Enrolled => "enrolled",
            EnrolmentStatus::Attended => "attended",
            EnrolmentStatus::Cancelled => "cancelled",
        }
    }

    /// Reads a stored name (an unknown one reads as cancelled: it holds nothing).
    pub fn parse(text: &str) -> EnrolmentStatus {
        match text {
            "enrolled" => EnrolmentStatus::Enrolled,
            "attended" => EnrolmentStatus::Attended,
            _ => EnrolmentStatus::Cancelled,
        }
    }

    /// How it reads on screen.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (EnrolmentStatus::Enrolled, Locale::Zh) => "已报名",
            (EnrolmentStatus::Enrolled, Locale::En) => "Enrolled",
            (EnrolmentStatus::Attended, Locale::Zh) => "已签到",
            (EnrolmentStatus::Attended, Locale::En) => "Attended",
            (EnrolmentStatus::Cancelled, Locale::Zh) => "已取消",
            (EnrolmentStatus::Cancelled, Locale::En) => "Cancelled",
        }
    }
}

/// One sitting of a course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = TrainingSession))]
pub struct Sitting {
    pub id: TrainingSessionId,
    pub course_id: TrainingCourseId,
    /// UTC seconds.
    pub starts_at: i64,
    pub ends_at: i64,
    pub venue: String,
    /// Places in all.
    pub capacity: u32,
    /// Places not taken.
    pub remaining: u32,
    /// People let in so far.
    pub attended: u32,
}

/// A course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = TrainingCourse))]
pub struct Course {
    pub id: TrainingCourseId,
    pub topic: String,
    pub trainer: String,
    /// The hours attending it counts for.
    pub hours: Hours,
    pub summary: String,
    /// The street that organises it; none for the district.
    pub street_id: Option<i64>,
    /// The organiser's name: the street's, or none for the district.
    pub street: Option<String>,
    /// Demo data.
    pub demo: bool,
    /// Its sessions, soonest first.
    pub sessions: Vec<Sitting>,
}

/// Someone on a session's list. The mobile is masked (138****5678) for every list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = TrainingEnrolment))]
pub struct Enrolment {
    pub id: EnrolmentId,
    pub session_id: TrainingSessionId,
    pub name: String,
    pub unit: String,
    /// A staff member's account; none for a grassroots worker.
    pub staff_id: Option<StaffId>,
    /// Masked; none for staff.
    pub mobile: Option<String>,
    pub status: EnrolmentStatus,
    /// UTC seconds.
    pub checked_in_at: Option<i64>,
}

/// A staff member's own enrolment, with what they show at the door.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = MyTrainingEnrolment))]
pub struct MyEnrolment {
    pub id: EnrolmentId,
    pub course_id: TrainingCourseId,
    pub topic: String,
    pub hours: Hours,
    /// The name it was taken under.
    pub name: String,
    pub session: Sitting,
    pub status: EnrolmentStatus,
    /// The ticket: a signed token for the QR code (none once attended or cancelled).
    pub ticket: Option<String>,
    /// The 12-letter code to type at the door.
    pub code: String,
    /// The certificate's number once attended.
    pub certificate: Option<String>,
}

/// A completed course as its certificate states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Certificate {
    /// Its number, which is also its address: `/training/certificates/{number}`.
    pub number: String,
    pub name: String,
    pub unit: String,
    pub topic: String,
    pub trainer: String,
    pub hours: Hours,
    /// When the session was held (UTC seconds).
    pub held_at: i64,
    /// The organiser: a street's name, or none for the district.
    pub organiser: Option<String>,
}

/// Who a person is for adding up hours: a staff account, or a worker known by mobile.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Person {
    Staff(StaffId),
    Worker { mobile: String },
}

impl Person {
    /// The stored key (one enrolment per person and course is kept by it).
    pub fn key(&self) -> String {
        match self {
            Person::Staff(id) => format!("staff:{}", id.0),
            Person::Worker { mobile } => format!("mobile:{mobile}"),
        }
    }
}

/// One attended course, to add up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attended {
    pub person: Person,
    pub name: String,
    pub unit: String,
    /// Masked for workers.
    pub mobile: Option<String>,
    pub hours: Hours,
}

/// A person's training over a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonHours {
    pub name: String,
    pub unit: String,
    /// A staff member's account; none for a grassroots worker.
    pub staff_id: Option<StaffId>,
    /// Masked; none for staff.
    pub mobile: Option<String>,
    pub courses: u32,
    pub hours: Hours,
}

/// Adds up each person's courses and hours, most hours first (then by name). A person's name
/// and unit are those of their latest enrolment in the list.
pub fn hours_by_person(attended: &[Attended]) -> Vec<PersonHours> {
    let mut people: Vec<(Person, PersonHours)> = Vec::new();
    for line in attended {
        match people.iter_mut().find(|(p, _)| *p == line.person) {
            Some((_, sum)) => {
                sum.courses += 1;
                sum.hours = Hours(sum.hours.0 + line.hours.0);
                sum.name.clone_from(&line.name);
                sum.unit.clone_from(&line.unit);
            }
            None => people.push((
                line.person.clone(),
                PersonHours {
                    name: line.name.clone(),
                    unit: line.unit.clone(),
                    staff_id: match &line.person {
                        Person::Staff(id) => Some(*id),
                        Person::Worker { .. } => None,
                    },
                    mobile: line.mobile.clone(),
                    courses: 1,
                    hours: line.hours,
                },
            )),
        }
    }
    let mut sums: Vec<PersonHours> = people.into_iter().map(|(_, sum)| sum).collect();
    sums.sort_by(|a, b| b.hours.cmp(&a.hours).then_with(|| a.name.cmp(&b.name)));
    sums
}
