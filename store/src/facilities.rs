//! Reading the facility network: facilities with their compliance and opening state, a
//! facility's profile, standards and coverage. The rules themselves live in `cc_domain`.

use std::collections::HashMap;

use cc_domain::compliance::{
    assess, coverage, Compliance, ComplianceReport, Coverage, FacilityAssessment, FacilityFacts, Standard,
};
use cc_domain::opening::WeeklyHours;
use cc_domain::time::local;
use cc_domain::{
    FacilityLevel, FacilityProfile, FacilityQuery, FacilitySummary, LatLng, Named, SessionAtFacility,
};
use sqlx::FromRow;

use crate::{Store, StoreError};
use cc_domain::ids::FacilityId;

const FACILITY_SQL: &str = "SELECT f.id, f.name, f.level, f.kind, \
    s.slug AS street_slug, s.name AS street_name, s.name_en AS street_name_en, \
    c.name AS community, f.community_id, f.address, f.lat, f.lng, f.area_m2, f.opening_hours, f.free_opening \
    FROM facilities f JOIN streets s ON s.id = f.street_id LEFT JOIN communities c ON c.id = f.community_id";

const FACILITY_ORDER: &str = " ORDER BY s.position, \
    CASE f.level WHEN 'district' THEN 0 WHEN 'street' THEN 1 ELSE 2 END, f.id";

#[derive(FromRow)]
pub(crate) struct FacilityRow {
    id: i64,
    name: String,
    level: String,
    kind: String,
    street_slug: String,
    street_name: String,
    street_name_en: String,
    community: Option<String>,
    community_id: Option<i64>,
    address: String,
    lat: f64,
    lng: f64,
    area_m2: Option<f64>,
    opening_hours: Option<String>,
    free_opening: Option<i64>,
}

impl FacilityRow {
    fn level(&self) -> FacilityLevel {
        // The column's CHECK constraint admits only the three levels.
        FacilityLevel::parse(&self.level).unwrap_or(FacilityLevel::Community)
    }

    /// The stored hours, or `None` when missing; unreadable hours count as missing (and are logged).
    fn hours(&self) -> Option<WeeklyHours> {
        let text = self.opening_hours.as_deref()?;
        WeeklyHours::parse(text)
            .inspect_err(
                |e| tracing::warn!(facility = self.id, error = %e, "stored opening hours unreadable"),
            )
            .ok()
    }

    fn street(&self) -> Named {
        Named {
            slug: self.street_slug.clone(),
            name: self.street_name.clone(),
            name_en: self.street_name_en.clone(),
        }
    }

    fn facts(&self, hours: Option<&WeeklyHours>) -> FacilityFacts {
        FacilityFacts {
            id: self.id,
            level: self.level(),
            street_slug: self.street_slug.clone(),
            community_id: self.community_id,
            area_m2: self.area_m2,
            weekly_hours: hours.map(WeeklyHours::hours_per_week),
            free_opening: self.free_opening.map(|f| f == 1),
        }
    }

    fn summary(&self, compliant: bool, hours: Option<&WeeklyHours>, now: i64) -> FacilitySummary {
        FacilitySummary {
            id: self.id,
            name: self.name.clone(),
            level: self.level(),
            kind: self.kind.clone(),
            street: self.street(),
            community: self.community.clone(),
            address: self.address.clone(),
            position: LatLng { lat: self.lat, lng: self.lng },
            open_now: hours.map(|h| h.is_open_at(&local(now))),
            compliant,
            distance_m: None,
            this_week: Vec::new(),
        }
    }
}

const WEEK: i64 = 7 * 86_400;

impl Store {
    /// The facility standards (建设标准) per level.
    pub async fn standards(&self) -> Result<Vec<Standard>, StoreError> {
        let rows: Vec<(String, f64, f64, i64, i64)> = sqlx::query_as(
            "SELECT level, min_area_m2, min_weekly_hours, free_opening_required, is_default FROM facility_standards \
             ORDER BY CASE level WHEN 'district' THEN 0 WHEN 'street' THEN 1 ELSE 2 END",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(level, area, hours, free, is_default)| {
                Some(Standard {
                    level: FacilityLevel::parse(&level)?,
                    min_area_m2: area,
                    min_weekly_hours: hours,
                    free_opening_required: free == 1,
                    is_default: is_default == 1,
                })
            })
            .collect())
    }

    /// The facilities matching `query` with compliance, "open now" and this week's sessions;
    /// nearest first when `query.near` is set, otherwise by street and level.
    pub async fn facilities(
        &self,
        query: &FacilityQuery,
        now: i64,
    ) -> Result<Vec<FacilitySummary>, StoreError> {
        let rows: Vec<FacilityRow> =
            sqlx::query_as(&format!("{FACILITY_SQL}{FACILITY_ORDER}")).fetch_all(&self.pool).await?;
        let hosting = match &query.category {
            Some(slug) => Some(self.facilities_hosting(slug).await?),
            None => None,
        };
        let standards = self.standards().await?;
        let mut this_week = self.sessions_by_facility(now, now + WEEK, 5).await?;
        let mut found: Vec<FacilitySummary> = rows
            .iter()
            .filter(|r| query.level.is_none_or(|l| l == r.level()))
            .filter(|r| query.street.as_deref().is_none_or(|s| s == r.street_slug))
            .filter(|r| hosting.as_ref().is_none_or(|ids| ids.contains(&r.id)))
            .filter(|r| query.matches_text(&r.name, &r.address))
            .map(|r| {
                let hours = r.hours();
                let compliant = assess(&r.facts(hours.as_ref()), &standards).compliant;
                let mut summary = r.summary(compliant, hours.as_ref(), now);
                summary.this_week = this_week.remove(&r.id).unwrap_or_default();
                summary.distance_m = query.near.map(|p| p.distance_m(&summary.position));
                summary
            })
            .collect();
        if query.near.is_some() {
            found.sort_by(|a, b| {
                a.distance_m.unwrap_or(f64::MAX).total_cmp(&b.distance_m.unwrap_or(f64::MAX))
            });
        }
        Ok(found)
    }

    /// One facility with its hours, compliance and upcoming sessions; `None` if there is none.
    pub async fn facility_profile(
        &self,
        FacilityId(id): FacilityId,
        now: i64,
    ) -> Result<Option<FacilityProfile>, StoreError> {
        let Some(row) = sqlx::query_as::<_, FacilityRow>(&format!("{FACILITY_SQL} WHERE f.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let hours = row.hours();
        let compliance = assess(&row.facts(hours.as_ref()), &self.standards().await?);
        let upcoming: Vec<SessionAtFacility> = self.sessions_at(id, now, 20).await?;
        let mut summary = row.summary(compliance.compliant, hours.as_ref(), now);
        summary.this_week =
            upcoming.iter().filter(|s| s.starts_at.timestamp() < now + WEEK).take(5).cloned().collect();
        Ok(Some(FacilityProfile {
            summary,
            opening_hours: hours,
            area_m2: row.area_m2,
            free_opening: row.free_opening.map(|f| f == 1),
            compliance,
            upcoming,
            rating: self.rating_of(None, Some(id)).await?,
        }))
    }

    /// Compliance and coverage per street and for the district.
    pub async fn coverage(&self) -> Result<Coverage, StoreError> {
        Ok(self.compliance_report().await?.coverage)
    }

    /// Standards, coverage, and every facility that falls short with its reasons.
    pub async fn compliance_report(&self) -> Result<ComplianceReport, StoreError> {
        let (rows, standards, assessed) = self.assessed_facilities().await?;
        let coverage = coverage(&self.streets().await?, &assessed);
        let shortfalls = rows
            .iter()
            .zip(&assessed)
            .filter(|(_, (_, c))| !c.compliant)
            .map(|(r, (_, c))| FacilityAssessment {
                id: r.id,
                name: r.name.clone(),
                level: r.level(),
                street: r.street(),
                compliance: c.clone(),
            })
            .collect();
        Ok(ComplianceReport { standards, coverage, shortfalls })
    }

    /// Every facility with its facts and its assessment against the standards (also read by
    /// the work plan's figures).
    pub(crate) async fn assessed_facilities(&self) -> Result<(Vec<FacilityRow>, Vec<Standard>, Vec<(FacilityFacts, Compliance)>), StoreError> {
        let rows: Vec<FacilityRow> =
            sqlx::query_as(&format!("{FACILITY_SQL}{FACILITY_ORDER}")).fetch_all(&self.pool).await?;
        let standards = self.standards().await?;
        let assessed = rows
            .iter()
            .map(|r| {
                let facts = r.facts(r.hours().as_ref());
                let c = assess(&facts, &standards);
                (facts, c)
            })
            .collect();
        Ok((rows, standards, assessed))
    }

    /// Ids of facilities holding published services of a category.
    async fn facilities_hosting(&self, category: &str) -> Result<Vec<i64>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT DISTINCT i.facility_id FROM service_items i JOIN categories c ON c.id = i.category_id \
             WHERE i.status = 'published' AND c.slug = $1",
        )
        .bind(category)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// Published sessions starting in `[from, to)`, grouped by facility, at most `per` each.
    async fn sessions_by_facility(
        &self,
        from: i64,
        to: i64,
        per: usize,
    ) -> Result<HashMap<i64, Vec<SessionAtFacility>>, StoreError> {
        let rows: Vec<(i64, i64, i64, String, i64)> = sqlx::query_as(
            "SELECT i.facility_id, n.id, n.item_id, i.title, n.starts_at FROM sessions n \
             JOIN service_items i ON i.id = n.item_id \
             WHERE i.status = 'published' AND n.status = 'published' AND n.starts_at >= $1 AND n.starts_at < $2 \
             ORDER BY n.starts_at, n.id",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        let mut grouped: HashMap<i64, Vec<SessionAtFacility>> = HashMap::new();
        for (facility_id, session_id, item_id, title, starts_at) in rows {
            let list = grouped.entry(facility_id).or_default();
            if list.len() < per {
                list.push(SessionAtFacility { session_id, item_id, title, starts_at: local(starts_at) });
            }
        }
        Ok(grouped)
    }

    /// The next `limit` published sessions at one facility.
    async fn sessions_at(
        &self,
        facility_id: i64,
        now: i64,
        limit: i64,
    ) -> Result<Vec<SessionAtFacility>, StoreError> {
        let rows: Vec<(i64, i64, String, i64)> = sqlx::query_as(
            "SELECT n.id, n.item_id, i.title, n.starts_at FROM sessions n JOIN service_items i ON i.id = n.item_id \
             WHERE i.facility_id = $1 AND i.status = 'published' AND n.status = 'published' AND n.starts_at >= $2 \
             ORDER BY n.starts_at, n.id LIMIT $3",
        )
        .bind(facility_id)
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(session_id, item_id, title, starts_at)| SessionAtFacility {
                session_id,
                item_id,
                title,
                starts_at: local(starts_at),
            })
            .collect())
    }
}
