//! Scientific evaluation (科学考评): indicators as data — one of the platform's measures, a
//! weight, a target and a scoring rule — scored for the district or a street over a quarter or
//! a year. A measure with no data is "no data": it is not scored, and the report says how much
//! weight it leaves out, rather than pretending it is 0 % or 100 %. Reports of periods that have
//! ended are stored as snapshots, so a past quarter's report never changes when today's data do.

mod period;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use period::Period;

use crate::authoring::{one_line, FieldError};
use crate::plan::{Measure, Reading, Unit};
use crate::Locale;

/// The weights of an indicator set add up to this.
pub const TOTAL_WEIGHT: u32 = 100;

/// How a value earns its indicator's weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", schema(as = ScoringRule))]
pub enum Rule {
    /// In proportion to the target, at most the whole weight (value ÷ target × weight).
    Proportional,
    /// The whole weight once the target is reached, nothing below it.
    Threshold,
}

impl Rule {
    /// Its name for people.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Rule::Proportional, Locale::Zh) => "按完成比例计分",
            (Rule::Proportional, Locale::En) => "In proportion to the target",
            (Rule::Threshold, Locale::Zh) => "达标得满分",
            (Rule::Threshold, Locale::En) => "Full marks once reached",
        }
    }
}

/// One indicator of the evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = EvaluationIndicator))]
pub struct Indicator {
    pub measure: Measure,
    /// Its name in the report, 2 to 40 characters (the measure's own by default).
    pub name: String,
    /// Points out of 100.
    pub weight: u32,
    /// The value that earns the whole weight, in the measure's unit (a percentage for shares).
    pub target: f64,
    pub rule: Rule,
}

/// An indicator's score: `None` when the measure has no data for the period.
pub fn score(indicator: &Indicator, reading: Reading) -> Option<f64> {
    let value = reading.value(indicator.measure)?;
    let weight = f64::from(indicator.weight);
    Some(match indicator.rule {
        // Compared with a hair of slack: 57 of 100 is 56.99999… in floating point.
        Rule::Threshold if value >= indicator.target * (1.0 - 1e-9) => weight,
        Rule::Threshold => 0.0,
        Rule::Proportional => weight * (value / indicator.target).clamp(0.0, 1.0),
    })
}

/// Checks a whole indicator set: each indicator sound, each measure once, weights adding up to
/// exactly 100.
pub fn check_set(indicators: &[Indicator]) -> Result<Vec<Indicator>, FieldError> {
    if indicators.is_empty() {
        return Err(FieldError::new("indicators", "请至少设置一项考评指标", "set at least one indicator"));
    }
    let mut checked = Vec::new();
    for indicator in indicators {
        let name = one_line(&indicator.name, 2, 40).ok_or(FieldError::new("name", "指标名称请写2到40个字", "name each indicator in 2 to 40 characters"))?;
        if indicator.weight == 0 || indicator.weight > TOTAL_WEIGHT {
            return Err(FieldError::new("weight", "每项权重须在1到100之间", "each weight is 1 to 100"));
        }
        let ceiling = if indicator.measure.unit() == Unit::Percent { 100.0 } else { 10_000.0 };
        if !indicator.target.is_finite() || indicator.target <= 0.0 || indicator.target > ceiling {
            return Err(FieldError::new("target", "目标值须大于0（比例不超过100%）", "a target is above 0 (a share at most 100 %)"));
        }
        if checked.iter().any(|c: &Indicator| c.measure == indicator.measure) {
            return Err(FieldError::new("measure", "同一项平台指标只能设置一次", "each platform figure once"));
        }
        checked.push(Indicator { name, ..indicator.clone() });
    }
    let total: u32 = checked.iter().map(|i| i.weight).sum();
    if total != TOTAL_WEIGHT {
        return Err(FieldError::new("weight", "各项权重之和须为100", "the weights must add up to 100"));
    }
    Ok(checked)
}

/// The district's default indicators (editable data): the plan's own measures of success.
pub fn default_set() -> Vec<Indicator> {
    let at = |measure: Measure, weight, target, rule| Indicator { measure, name: measure.label(Locale::Zh).to_string(), weight, target, rule };
    vec![
        at(Measure::FacilityCompliance, 20, 100.0, Rule::Proportional),
        at(Measure::CommunityCoverage, 15, 100.0, Rule::Proportional),
        at(Measure::StreetCoverage, 10, 100.0, Rule::Threshold),
        at(Measure::ActivitiesPerFacility, 15, 3.0, Rule::Proportional),
        at(Measure::FreeOpeningHours, 10, 42.0, Rule::Proportional),
        at(Measure::AttendanceRate, 10, 80.0, Rule::Proportional),
        at(Measure::Satisfaction, 10, 90.0, Rule::Proportional),
        at(Measure::DemandsAnswered, 5, 90.0, Rule::Proportional),
        // Six hours a person in a quarter: two half-day courses.
        at(Measure::TrainingHours, 5, 6.0, Rule::Proportional),
    ]
}

/// One line of a report: the indicator, what the data said, and the score it earned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = EvaluationLine))]
pub struct Line {
    pub indicator: Indicator,
    /// The data it came from.
    pub reading: Reading,
    /// The value in the measure's unit; none when there is no data.
    pub value: Option<f64>,
    /// None when there is no data.
    pub score: Option<f64>,
}

/// The evaluation of one place over one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = EvaluationReport))]
pub struct Report {
    /// `2026-Q4` or `2026`.
    pub period: String,
    /// The street's id; none for the district.
    pub street_id: Option<i64>,
    /// The place's name.
    pub place: String,
    pub lines: Vec<Line>,
    /// The points earned.
    pub score: f64,
    /// The points the indicators with data could earn (100 when every one had data).
    pub scored_weight: u32,
    /// When it was read (UTC seconds).
    pub read_at: i64,
    /// Stored once the period was over: it will not change.
    pub stored: bool,
}

impl Report {
    /// Scores `readings` (one per indicator, in order) into a report.
    pub fn score(period: Period, street_id: Option<i64>, place: String, indicators: &[Indicator], readings: &[Reading], read_at: i64) -> Report {
        let lines: Vec<Line> = indicators
            .iter()
            .zip(readings)
            .map(|(indicator, &reading)| Line {
                indicator: indicator.clone(),
                reading,
                value: reading.value(indicator.measure),
                // Rounded as shown, so the lines add up to the total people read.
                score: score(indicator, reading).map(|s| (s * 100.0).round() / 100.0),
            })
            .collect();
        let score = lines.iter().filter_map(|l| l.score).sum::<f64>();
        let scored_weight = lines.iter().filter(|l| l.score.is_some()).map(|l| l.indicator.weight).sum();
        Report { period: period.to_string(), street_id, place, lines, score: (score * 100.0).round() / 100.0, scored_weight, read_at, stored: false }
    }
}
