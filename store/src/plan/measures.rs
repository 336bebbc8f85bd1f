//! The platform's own figures (`cc_domain::plan::Measure`), read for the district or one street:
//! the state of the network now (compliance, coverage, free opening) from the facilities and
//! their standards, what happened in a period (sessions held, attendance, satisfaction, demands
//! answered) from the records. Each is a `Reading` of part and whole, so "no data" stays so.

use std::collections::HashMap;

use cc_domain::compliance::{Compliance, Coverage, FacilityFacts};
use cc_domain::dashboard::Window;
use cc_domain::plan::{Measure, Reading};
use cc_domain::review::SATISFIED_FROM;

use crate::{Store, StoreError};

/// The network as it is now, read once for many readings.
pub struct Network {
    slugs: HashMap<i64, String>,
    assessed: Vec<(FacilityFacts, Compliance)>,
    coverage: Coverage,
}

impl Network {
    fn facilities(&self, street: Option<i64>) -> impl Iterator<Item = &(FacilityFacts, Compliance)> {
        let slug = street.map(|id| self.slugs.get(&id).cloned().unwrap_or_default());
        self.assessed.iter().filter(move |(f, _)| slug.as_ref().is_none_or(|s| &f.street_slug == s))
    }

    fn state(&self, measure: Measure, street: Option<i64>) -> Reading {
        let count = |n: usize| n as i64;
        let here = || self.facilities(street);
        let of_street = || street.and_then(|id| self.slugs.get(&id)).and_then(|slug| self.coverage.streets.iter().find(|s| &s.street.slug == slug));
        match (measure, street) {
            (Measure::FacilityCompliance, _) => Reading { part: count(here().filter(|(_, c)| c.compliant).count()), whole: count(here().count()) },
            (Measure::CommunityCoverage, None) => {
                let t = &self.coverage.totals;
                Reading { part: t.communities_covered.into(), whole: t.communities.into() }
            }
            (Measure::CommunityCoverage, Some(_)) => {
                of_street().map_or(Reading { part: 0, whole: 0 }, |s| Reading { part: s.communities_covered.into(), whole: s.communities.into() })
            }
            (Measure::StreetCoverage, None) => {
                let t = &self.coverage.totals;
                Reading { part: t.streets_covered.into(), whole: t.streets.into() }
            }
            (Measure::StreetCoverage, Some(_)) => of_street().map_or(Reading { part: 0, whole: 0 }, |s| Reading { part: i64::from(s.covered), whole: 1 }),
            (Measure::FreeOpeningHours, _) => Reading {
                part: here()
                    .filter(|(f, _)| f.free_opening == Some(true))
                    .filter_map(|(f, _)| f.weekly_hours)
                    .map(|hours| (hours * 60.0).round() as i64)
                    .sum(),
                whole: count(here().count()),
            },
            // Period measures are counted in SQL (`Store::period_reading`).
            _ => Reading { part: 0, whole: 0 },
        }
    }
}

/// Joins a session to its street; `$1` is the street's id, or 0 for the district.
const SESSION_STREET: &str = "FROM sessions s JOIN service_items i ON i.id = s.item_id \
     JOIN facilities f ON f.id = i.facility_id WHERE ($1 = 0 OR f.street_id = $1)";

/// Whose staff account is on a place's training roll: active, not an outside expert, and
/// (for a street, `$1`) its admin or the manager of a facility in it.
const ON_THE_ROLL: &str = "a.disabled = 0 AND a.role <> 'expert' AND ($1 = 0 OR a.street_id = $1 OR EXISTS (\
     SELECT 1 FROM staff_facilities sf JOIN facilities sff ON sff.id = sf.facility_id WHERE sf.staff_id = a.id AND sff.street_id = $1))";

/// Training hours (in tenths) per person on the place's roll: the hours of sessions that ended
/// in the period, attended by the people on it — console staff on the roll (`ON_THE_ROLL`) and
/// the grassroots workers enrolled for the place — of those people: the staff on the roll and
/// the workers enrolled for a session that ended in the period. Hours and people are counted
/// over the same roll. (SUM of a BIGINT is NUMERIC on PostgreSQL: cast back.)
static TRAINING_HOURS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "SELECT CAST(COALESCE(SUM(c.hours_tenths), 0) AS BIGINT), \
             (SELECT COUNT(*) FROM staff_accounts a WHERE {ON_THE_ROLL}) \
             + (SELECT COUNT(DISTINCT w.person) FROM training_enrolments w JOIN training_sessions ws ON ws.id = w.session_id \
                 WHERE w.staff_id IS NULL AND w.status <> 'cancelled' AND ($1 = 0 OR w.street_id = $1) AND ws.ends_at >= $2 AND ws.ends_at < $3) \
         FROM training_enrolments e JOIN training_sessions t ON t.id = e.session_id JOIN training_courses c ON c.id = e.course_id \
         LEFT JOIN staff_accounts a ON a.id = e.staff_id \
         WHERE e.status = 'attended' AND t.ends_at >= $2 AND t.ends_at < $3 \
           AND ((e.staff_id IS NULL AND ($1 = 0 OR e.street_id = $1)) OR (e.staff_id IS NOT NULL AND {ON_THE_ROLL}))"
    )
});

impl Store {
    /// The network's state, to read several measures from.
    pub async fn network_now(&self) -> Result<Network, StoreError> {
        let (_, _, assessed) = self.assessed_facilities().await?;
        let coverage = self.coverage().await?;
        let slugs: Vec<(i64, String)> = sqlx::query_as("SELECT id, slug FROM streets").fetch_all(&self.pool).await?;
        Ok(Network { slugs: slugs.into_iter().collect(), assessed, coverage })
    }

    /// `measure` for `street` (none: the district): the network's state now, or what happened
    /// in `window` up to `now` for the measures that count a period.
    pub async fn reading(&self, network: &Network, measure: Measure, street: Option<i64>, window: Window, now: i64) -> Result<Reading, StoreError> {
        if !measure.counts_a_period() {
            return Ok(network.state(measure, street));
        }
        let until = window.to.min(now);
        let street_id = street.unwrap_or(0);
        let sql = match measure {
            Measure::ActivitiesPerFacility => format!(
                "SELECT COUNT(*), (SELECT COUNT(*) FROM facilities f WHERE ($1 = 0 OR f.street_id = $1)) \
                 {SESSION_STREET} AND s.status = 'published' AND s.ends_at >= $2 AND s.ends_at < $3"
            ),
            Measure::AttendanceRate => "SELECT COALESCE(SUM(CASE WHEN b.status = 'attended' THEN 1 ELSE 0 END), 0), COUNT(*) \
                 FROM bookings b JOIN sessions s ON s.id = b.session_id JOIN service_items i ON i.id = s.item_id \
                 JOIN facilities f ON f.id = i.facility_id WHERE ($1 = 0 OR f.street_id = $1) \
                 AND b.status IN ('attended', 'no_show') AND s.ends_at >= $2 AND s.ends_at < $3"
                .to_string(),
            Measure::Satisfaction => "SELECT COALESCE(SUM(CASE WHEN v.stars >= $4 THEN 1 ELSE 0 END), 0), COUNT(*) \
                 FROM reviews v JOIN facilities f ON f.id = v.facility_id \
                 WHERE ($1 = 0 OR f.street_id = $1) AND v.hidden_at IS NULL AND v.created_at >= $2 AND v.created_at < $3"
                .to_string(),
            Measure::TrainingHours => TRAINING_HOURS.clone(),
            _ => "SELECT COALESCE(SUM(CASE WHEN d.answered_at IS NOT NULL THEN 1 ELSE 0 END), 0), COUNT(*) \
                 FROM demands d JOIN communities c ON c.id = d.community_id \
                 WHERE ($1 = 0 OR c.street_id = $1) AND d.status <> 'merged' AND d.created_at >= $2 AND d.created_at < $3"
                .to_string(),
        };
        let mut query = sqlx::query_as::<_, (i64, i64)>(&sql).bind(street_id).bind(window.from).bind(until);
        if measure == Measure::Satisfaction {
            query = query.bind(SATISFIED_FROM);
        }
        let (part, whole) = query.fetch_one(&self.pool).await?;
        Ok(Reading { part, whole })
    }
}
