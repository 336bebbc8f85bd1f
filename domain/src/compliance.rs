//! Compliance (达标) of each facility with its level's standard, and coverage (覆盖率) of streets
//! and communities by compliant facilities. Pure rules: storage supplies the facts.
//!
//! Missing data is never counted as compliant: a facility whose area, hours or free-opening
//! flag is unknown is non-compliant, with "data missing" as the reason, so gaps get filled.

use serde::{Deserialize, Serialize};

use crate::{FacilityLevel, Locale, Named, StreetWithCommunities};

/// What a facility of one level must have (建设标准). Data, editable by district admins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standard {
    pub level: FacilityLevel,
    pub min_area_m2: f64,
    pub min_weekly_hours: f64,
    pub free_opening_required: bool,
    /// Still the shipped default (not yet edited by the district).
    pub is_default: bool,
}

/// A facility's assessment, for reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacilityAssessment {
    pub id: i64,
    pub name: String,
    pub level: FacilityLevel,
    pub street: Named,
    pub compliance: Compliance,
}

/// Everything the compliance and coverage page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceReport {
    pub standards: Vec<Standard>,
    pub coverage: Coverage,
    /// The facilities that fall short, with every reason.
    pub shortfalls: Vec<FacilityAssessment>,
}

/// The facts about a facility that compliance looks at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacilityFacts {
    pub id: i64,
    pub level: FacilityLevel,
    pub street_slug: String,
    pub community_id: Option<i64>,
    pub area_m2: Option<f64>,
    /// Derived from the opening hours; `None` when they are not on record.
    pub weekly_hours: Option<f64>,
    pub free_opening: Option<bool>,
}

/// One reason a facility falls short of its standard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shortfall {
    AreaShort { required_m2: f64, actual_m2: f64, short_by_m2: f64 },
    HoursShort { required_hours: f64, actual_hours: f64, short_by_hours: f64 },
    NotFree,
    AreaMissing,
    HoursMissing,
    FreeOpeningMissing,
    NoStandard,
}

impl Shortfall {
    /// The reason as a sentence.
    pub fn describe(&self, locale: Locale) -> String {
        use Shortfall::*;
        match (self, locale) {
            (AreaShort { required_m2, short_by_m2, .. }, Locale::Zh) => {
                format!("建筑面积差 {short_by_m2} 平方米（标准 {required_m2} 平方米）")
            }
            (AreaShort { required_m2, short_by_m2, .. }, Locale::En) => {
                format!("area short by {short_by_m2} m² (standard {required_m2} m²)")
            }
            (HoursShort { required_hours, short_by_hours, .. }, Locale::Zh) => {
                format!("每周开放时间差 {short_by_hours} 小时（标准 {required_hours} 小时）")
            }
            (HoursShort { required_hours, short_by_hours, .. }, Locale::En) => {
                format!("open {short_by_hours} h/week too few (standard {required_hours} h)")
            }
            (NotFree, Locale::Zh) => "未免费开放".into(),
            (NotFree, Locale::En) => "not open free of charge".into(),
            (AreaMissing, Locale::Zh) => "缺少建筑面积数据".into(),
            (AreaMissing, Locale::En) => "building area missing".into(),
            (HoursMissing, Locale::Zh) => "缺少开放时间数据".into(),
            (HoursMissing, Locale::En) => "opening hours missing".into(),
            (FreeOpeningMissing, Locale::Zh) => "缺少免费开放信息".into(),
            (FreeOpeningMissing, Locale::En) => "free-opening status missing".into(),
            (NoStandard, Locale::Zh) => "该级别没有建设标准".into(),
            (NoStandard, Locale::En) => "no standard for this level".into(),
        }
    }
}

/// Whether a facility meets its standard, and every reason it does not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Compliance {
    pub compliant: bool,
    pub reasons: Vec<Shortfall>,
}

/// Rounds to one decimal, so "short by 80.0 m²" does not read "79.99999".
fn tenth(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Assesses one facility against the standard of its level.
pub fn assess(facility: &FacilityFacts, standards: &[Standard]) -> Compliance {
    let Some(standard) = standards.iter().find(|s| s.level == facility.level) else {
        return Compliance { compliant: false, reasons: vec![Shortfall::NoStandard] };
    };
    let mut reasons = Vec::new();
    match facility.area_m2 {
        None => reasons.push(Shortfall::AreaMissing),
        Some(area) if area < standard.min_area_m2 => reasons.push(Shortfall::AreaShort {
            required_m2: standard.min_area_m2,
            actual_m2: area,
            short_by_m2: tenth(standard.min_area_m2 - area),
        }),
        Some(_) => {}
    }
    match facility.weekly_hours {
        None => reasons.push(Shortfall::HoursMissing),
        Some(hours) if hours < standard.min_weekly_hours => reasons.push(Shortfall::HoursShort {
            required_hours: standard.min_weekly_hours,
            actual_hours: hours,
            short_by_hours: tenth(standard.min_weekly_hours - hours),
        }),
        Some(_) => {}
    }
    match (facility.free_opening, standard.free_opening_required) {
        (None, _) => reasons.push(Shortfall::FreeOpeningMissing),
        (Some(false), true) => reasons.push(Shortfall::NotFree),
        _ => {}
    }
    Compliance { compliant: reasons.is_empty(), reasons }
}

/// Coverage of one street (街道).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StreetCoverage {
    pub street: Named,
    pub facilities: u32,
    pub compliant: u32,
    /// The street has a compliant street-level centre (街道综合文化中心).
    pub covered: bool,
    pub communities: u32,
    /// Communities with a compliant community room (社区综合文化室) of their own.
    pub communities_covered: u32,
    pub uncovered_communities: Vec<String>,
}

/// District totals; a rate is `None` when there is nothing to divide by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoverageTotals {
    pub facilities: u32,
    pub compliant: u32,
    pub compliance_rate: Option<f64>,
    pub streets: u32,
    pub streets_covered: u32,
    pub street_coverage_rate: Option<f64>,
    pub communities: u32,
    pub communities_covered: u32,
    pub community_coverage_rate: Option<f64>,
}

/// Coverage per street and for the district.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Coverage {
    pub streets: Vec<StreetCoverage>,
    pub totals: CoverageTotals,
}

fn rate(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

/// Works out coverage from the network and each facility's assessment.
pub fn coverage(streets: &[StreetWithCommunities], assessed: &[(FacilityFacts, Compliance)]) -> Coverage {
    let per_street: Vec<StreetCoverage> = streets
        .iter()
        .map(|s| {
            let here: Vec<_> = assessed.iter().filter(|(f, _)| f.street_slug == s.street.slug).collect();
            let compliant_of = |level: FacilityLevel| {
                here.iter().filter(move |(f, c)| f.level == level && c.compliant).map(|(f, _)| f)
            };
            let covered_ids: Vec<i64> =
                compliant_of(FacilityLevel::Community).filter_map(|f| f.community_id).collect();
            let uncovered: Vec<String> = s
                .communities
                .iter()
                .filter(|c| !covered_ids.contains(&c.id))
                .map(|c| c.name.clone())
                .collect();
            StreetCoverage {
                street: s.street.clone(),
                facilities: here.len() as u32,
                compliant: here.iter().filter(|(_, c)| c.compliant).count() as u32,
                covered: compliant_of(FacilityLevel::Street).next().is_some(),
                communities: s.communities.len() as u32,
                communities_covered: (s.communities.len() - uncovered.len()) as u32,
                uncovered_communities: uncovered,
            }
        })
        .collect();
    let sum = |f: fn(&StreetCoverage) -> u32| per_street.iter().map(f).sum::<u32>();
    let facilities = assessed.len() as u32;
    let compliant = assessed.iter().filter(|(_, c)| c.compliant).count() as u32;
    let streets_covered = per_street.iter().filter(|s| s.covered).count() as u32;
    let (communities, communities_covered) = (sum(|s| s.communities), sum(|s| s.communities_covered));
    let totals = CoverageTotals {
        facilities,
        compliant,
        compliance_rate: rate(compliant, facilities),
        streets: per_street.len() as u32,
        streets_covered,
        street_coverage_rate: rate(streets_covered, per_street.len() as u32),
        communities,
        communities_covered,
        community_coverage_rate: rate(communities_covered, communities),
    };
    Coverage { streets: per_street, totals }
}

#[cfg(test)]
mod tests;
