//! What the platform can measure about the network by itself (考评指标的数据来源): compliance,
//! coverage, activities held, attendance, satisfaction, demands answered, free-opening hours.
//! A work-plan task shows them as live evidence; the evaluation scores them against targets.
//!
//! A reading is kept as the two whole numbers it came from (`part` of `whole`), so the figure
//! can always be re-derived and "no data" (nothing to divide by) is never 0 % or 100 %.

use serde::{Deserialize, Serialize};

use crate::Locale;

/// A figure the platform derives from its own records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Facilities meeting their level's standard, of all facilities (设施达标率).
    FacilityCompliance,
    /// Communities with a compliant community room, of all communities (社区覆盖率).
    CommunityCoverage,
    /// Streets with a compliant street centre, of all streets (街道覆盖率).
    StreetCoverage,
    /// Sessions held in the period per facility (场馆年均活动场次).
    ActivitiesPerFacility,
    /// Attended bookings of the places booked for sessions that ended (到场率).
    AttendanceRate,
    /// Reviews of 4–5 stars of all shown reviews (满意率).
    Satisfaction,
    /// Demands answered (planned, delivered or declined) of those raised (点单响应率).
    DemandsAnswered,
    /// Weekly opening hours of free-opening facilities, per facility (免费开放时长).
    FreeOpeningHours,
    /// Hours of training attended in the period per member of cultural staff: console staff
    /// of the place and the grassroots workers enrolled there (人均培训学时).
    TrainingHours,
}

/// How a measure's figure is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A share, shown as a percentage.
    Percent,
    /// A count per facility.
    PerFacility,
    /// Hours a week per facility; the reading's part is in minutes.
    HoursPerWeek,
    /// Hours per person; the reading's part is in tenths of an hour.
    HoursPerPerson,
}

impl Measure {
    /// Every measure, in the order lists show them.
    pub const ALL: [Measure; 9] = [
        Measure::FacilityCompliance,
        Measure::CommunityCoverage,
        Measure::StreetCoverage,
        Measure::ActivitiesPerFacility,
        Measure::AttendanceRate,
        Measure::Satisfaction,
        Measure::DemandsAnswered,
        Measure::FreeOpeningHours,
        Measure::TrainingHours,
    ];

    /// Its name on the wire and in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::FacilityCompliance => "facility_compliance",
            Measure::CommunityCoverage => "community_coverage",
            Measure::StreetCoverage => "street_coverage",
            Measure::ActivitiesPerFacility => "activities_per_facility",
            Measure::AttendanceRate => "attendance_rate",
            Measure::Satisfaction => "satisfaction",
            Measure::DemandsAnswered => "demands_answered",
            Measure::FreeOpeningHours => "free_opening_hours",
            Measure::TrainingHours => "training_hours",
        }
    }

    /// The measure named `text`.
    pub fn parse(text: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.as_str() == text.trim())
    }

    /// How its figure is read.
    pub fn unit(self) -> Unit {
        match self {
            Measure::ActivitiesPerFacility => Unit::PerFacility,
            Measure::FreeOpeningHours => Unit::HoursPerWeek,
            Measure::TrainingHours => Unit::HoursPerPerson,
            _ => Unit::Percent,
        }
    }

    /// Whether it counts what happened in a period (rather than the state of the network now).
    pub fn counts_a_period(self) -> bool {
        matches!(self, Measure::ActivitiesPerFacility | Measure::AttendanceRate | Measure::Satisfaction | Measure::DemandsAnswered | Measure::TrainingHours)
    }

    /// Its name for people.
    pub fn label(self, locale: Locale) -> &'static str {
        let (zh, en) = match self {
            Measure::FacilityCompliance => ("设施达标率", "Facilities meeting the standard"),
            Measure::CommunityCoverage => ("社区覆盖率", "Communities covered"),
            Measure::StreetCoverage => ("街道覆盖率", "Streets covered"),
            Measure::ActivitiesPerFacility => ("每个设施举办活动场次", "Sessions held per facility"),
            Measure::AttendanceRate => ("预约到场率", "Attendance of booked places"),
            Measure::Satisfaction => ("群众满意率", "Satisfied reviews"),
            Measure::DemandsAnswered => ("点单响应率", "Demands answered"),
            Measure::FreeOpeningHours => ("免费开放时长（小时/周）", "Free opening (hours a week)"),
            Measure::TrainingHours => ("人均培训学时", "Training hours per person"),
        };
        if locale == Locale::Zh {
            zh
        } else {
            en
        }
    }
}

/// A measure read at one time: `part` of `whole` (minutes of facilities for hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reading {
    pub part: i64,
    pub whole: i64,
}

impl Reading {
    /// The figure in the measure's unit (a percentage for shares); `None` when there is no data.
    pub fn value(self, measure: Measure) -> Option<f64> {
        if self.whole <= 0 || self.part < 0 {
            return None;
        }
        let ratio = self.part as f64 / self.whole as f64;
        Some(match measure.unit() {
            Unit::Percent => ratio * 100.0,
            Unit::PerFacility => ratio,
            Unit::HoursPerWeek => ratio / 60.0,
            Unit::HoursPerPerson => ratio / 10.0,
        })
    }

    /// The figure as people read it: "86.7%", "12.3", "41.5", or 无数据 / no data.
    pub fn show(self, measure: Measure, locale: Locale) -> String {
        match self.value(measure) {
            None if locale == Locale::Zh => "无数据".into(),
            None => "no data".into(),
            Some(v) if measure.unit() == Unit::Percent => format!("{v:.1}%"),
            Some(v) => format!("{v:.1}"),
        }
    }

    /// Where the figure came from, e.g. "13 / 15".
    pub fn basis(self, measure: Measure) -> String {
        match measure.unit() {
            Unit::HoursPerWeek => format!("{:.1} h / {}", self.part as f64 / 60.0, self.whole),
            Unit::HoursPerPerson => format!("{:.1} h / {}", self.part as f64 / 10.0, self.whole),
            _ => format!("{} / {}", self.part, self.whole),
        }
    }
}
