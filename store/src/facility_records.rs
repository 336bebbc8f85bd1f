//! The facts staff keep about a facility (area, opening hours, free opening, position) and
//! the standards each level is judged by.

use cc_domain::FacilityLevel;

use crate::{Store, StoreError};
use cc_domain::ids::FacilityId;

/// New facts about a facility, as staff record them; `None` leaves a fact as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacilityChange {
    pub area_m2: Option<f64>,
    pub opening_hours: Option<String>,
    pub free_opening: Option<bool>,
    pub lat: Option<f64>,
    pub lng: Option<f64>,
}

/// The facts staff edit, as they stand.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FacilityFacts {
    pub area_m2: Option<f64>,
    pub opening_hours: Option<String>,
    /// `None`: not on record.
    pub free_opening: Option<bool>,
    pub lat: f64,
    pub lng: f64,
}

/// A facility's facts with its name and street, as the records page lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct FacilityRecord {
    pub id: i64,
    pub name: String,
    pub street_id: i64,
    pub facts: FacilityFacts,
}

/// The columns of [`FacilityRecord`], as stored.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    name: String,
    street_id: i64,
    area_m2: Option<f64>,
    opening_hours: Option<String>,
    free_opening: Option<i64>,
    lat: f64,
    lng: f64,
}

impl Row {
    fn record(self) -> FacilityRecord {
        let facts = FacilityFacts {
            area_m2: self.area_m2,
            opening_hours: self.opening_hours,
            free_opening: self.free_opening.map(|flag| flag == 1),
            lat: self.lat,
            lng: self.lng,
        };
        FacilityRecord { id: self.id, name: self.name, street_id: self.street_id, facts }
    }
}

const RECORD_COLUMNS: &str = "id, name, street_id, area_m2, opening_hours, free_opening, lat, lng";

impl Store {
    /// The facts staff edit, as they stand.
    pub async fn facility_facts(
        &self,
        FacilityId(id): FacilityId,
    ) -> Result<Option<FacilityFacts>, StoreError> {
        let row: Option<Row> =
            sqlx::query_as(&format!("SELECT {RECORD_COLUMNS} FROM facilities WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|row| row.record().facts))
    }

    /// Every facility's record in one query, by street.
    pub async fn all_facility_records(&self) -> Result<Vec<FacilityRecord>, StoreError> {
        let rows: Vec<Row> =
            sqlx::query_as(&format!("SELECT {RECORD_COLUMNS} FROM facilities ORDER BY street_id, id"))
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(Row::record).collect())
    }

    /// Records new facts about a facility; returns whether it exists.
    pub async fn update_facility(
        &self,
        FacilityId(id): FacilityId,
        change: &FacilityChange,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE facilities SET area_m2 = COALESCE($1, area_m2), opening_hours = COALESCE($2, opening_hours), \
             free_opening = COALESCE($3, free_opening), lat = COALESCE($4, lat), lng = COALESCE($5, lng) WHERE id = $6",
        )
        .bind(change.area_m2)
        .bind(change.opening_hours.as_deref())
        .bind(change.free_opening.map(i64::from))
        .bind(change.lat)
        .bind(change.lng)
        .bind(id)
        .execute(&self.pool)
        .await?;
        self.announce_facility(cc_domain::live::LiveKind::FacilityChanged, id);
        Ok(done.rows_affected() == 1)
    }

    /// Sets a level's standard (no longer the shipped default).
    pub async fn update_standard(
        &self,
        level: FacilityLevel,
        min_area_m2: f64,
        min_weekly_hours: f64,
        free_opening_required: bool,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE facility_standards SET min_area_m2 = $1, min_weekly_hours = $2, free_opening_required = $3, \
             is_default = 0 WHERE level = $4",
        )
        .bind(min_area_m2)
        .bind(min_weekly_hours)
        .bind(i64::from(free_opening_required))
        .bind(level.as_str())
        .execute(&self.pool)
        .await?;
        self.announce_street(cc_domain::live::LiveKind::FacilityChanged, None);
        Ok(())
    }
}
