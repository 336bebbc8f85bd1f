//! The console's compliance and coverage table: one row per street with the facilities that
//! fall short and why, sortable by any column. Pure, so the browser sorts without asking.

use serde::{Deserialize, Serialize};

use crate::compliance::{ComplianceReport, StreetCoverage};
use crate::Locale;

/// One street's row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StreetRow {
    /// The street's place in the district's own order.
    pub position: usize,
    pub coverage: StreetCoverage,
    /// "facility: reason; reason" for every facility of the street that falls short.
    pub shortfalls: Vec<(String, Vec<String>)>,
}

impl StreetRow {
    /// Compliant facilities ÷ facilities (0 with none).
    pub fn compliance_rate(&self) -> f64 {
        ratio(self.coverage.compliant, self.coverage.facilities)
    }

    /// Communities with a compliant room of their own ÷ communities (0 with none).
    pub fn community_rate(&self) -> f64 {
        ratio(self.coverage.communities_covered, self.coverage.communities)
    }
}

fn ratio(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        f64::from(part) / f64::from(whole)
    }
}

/// The rows of `report`, in the district's street order, worded in `locale`; `only` keeps one
/// street (by slug).
pub fn street_rows(report: &ComplianceReport, only: Option<&str>, locale: Locale) -> Vec<StreetRow> {
    report
        .coverage
        .streets
        .iter()
        .enumerate()
        .filter(|(_, s)| only.is_none_or(|slug| s.street.slug == slug))
        .map(|(position, s)| StreetRow {
            position,
            coverage: s.clone(),
            shortfalls: report
                .shortfalls
                .iter()
                .filter(|f| f.street.slug == s.street.slug)
                .map(|f| (f.name.clone(), f.compliance.reasons.iter().map(|r| r.describe(locale)).collect()))
                .collect(),
        })
        .collect()
}

/// A column to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StreetColumn {
    Street,
    Facilities,
    ComplianceRate,
    CentreCompliant,
    CommunityCoverage,
    Shortfalls,
}

/// Sorts rows by `column`, ascending or not; ties keep the district's street order.
pub fn sort_rows(rows: &mut [StreetRow], column: StreetColumn, ascending: bool) {
    rows.sort_by(|a, b| {
        let by = match column {
            StreetColumn::Street => a.position.cmp(&b.position),
            StreetColumn::Facilities => a.coverage.facilities.cmp(&b.coverage.facilities),
            StreetColumn::ComplianceRate => a.compliance_rate().total_cmp(&b.compliance_rate()),
            StreetColumn::CentreCompliant => a.coverage.covered.cmp(&b.coverage.covered),
            StreetColumn::CommunityCoverage => a.community_rate().total_cmp(&b.community_rate()),
            StreetColumn::Shortfalls => a.shortfalls.len().cmp(&b.shortfalls.len()),
        };
        let by = if ascending { by } else { by.reverse() };
        by.then(a.position.cmp(&b.position))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Named;

    fn row(position: usize, facilities: u32, compliant: u32, covered: bool, shortfalls: usize) -> StreetRow {
        StreetRow {
            position,
            coverage: StreetCoverage {
                street: Named {
                    slug: format!("s{position}"),
                    name: format!("街道{position}"),
                    name_en: String::new(),
                },
                facilities,
                compliant,
                covered,
                communities: 4,
                communities_covered: compliant.min(4),
                uncovered_communities: vec![],
            },
            shortfalls: (0..shortfalls)
                .map(|i| (format!("场馆{i}"), vec!["缺少开放时间数据".into()]))
                .collect(),
        }
    }

    fn order(rows: &[StreetRow]) -> Vec<usize> {
        rows.iter().map(|r| r.position).collect()
    }

    #[test]
    fn sorting_by_compliance_rate_puts_the_weakest_street_first_when_ascending() {
        let mut rows = vec![row(0, 10, 9, true, 1), row(1, 4, 1, false, 3), row(2, 0, 0, false, 0)];
        sort_rows(&mut rows, StreetColumn::ComplianceRate, true);
        assert_eq!(order(&rows), [2, 1, 0], "a street without facilities counts as 0%");
        sort_rows(&mut rows, StreetColumn::ComplianceRate, false);
        assert_eq!(order(&rows), [0, 1, 2]);
    }

    #[test]
    fn ties_keep_the_district_order_whichever_the_direction() {
        let mut rows = vec![row(2, 5, 5, true, 0), row(0, 5, 5, true, 0), row(1, 3, 0, false, 2)];
        sort_rows(&mut rows, StreetColumn::Facilities, false);
        assert_eq!(order(&rows), [0, 2, 1]);
        sort_rows(&mut rows, StreetColumn::Shortfalls, false);
        assert_eq!(order(&rows), [1, 0, 2]);
        sort_rows(&mut rows, StreetColumn::Street, true);
        assert_eq!(order(&rows), [0, 1, 2]);
        sort_rows(&mut rows, StreetColumn::CentreCompliant, true);
        assert_eq!(order(&rows), [1, 0, 2]);
    }
}
