//! Keeping facility records true, and the standards they are judged by.

use cc_domain::authoring::FieldError;
use cc_domain::opening::WeeklyHours;
use cc_domain::staff::Role;
use cc_domain::{FacilityLevel, LatLng};
use cc_store::{FacilityChange, Store};
use serde::Deserialize;
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;
use cc_domain::ids::FacilityId;

/// What staff may change about a facility; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct FacilityInput {
    /// Building area in square metres.
    pub area_m2: Option<f64>,
    /// Weekly rules such as `2-7 09:00-11:30,14:00-20:00`.
    #[schema(examples("2-7 09:00-11:30,14:00-20:00"))]
    pub opening_hours: Option<String>,
    pub free_opening: Option<bool>,
    /// `lat,lng`, as picked on the map.
    #[schema(examples("39.9125,116.2"))]
    pub position: Option<String>,
}

fn field(field: &'static str, zh: &'static str, en: &'static str) -> ServiceError {
    ServiceError::Field(FieldError { field, zh, en })
}

/// Records new facts about a facility in the actor's scope (district, its street's admin, its
/// managers); before and after go to the audit log.
pub async fn update_facility(
    store: &Store,
    actor: &Actor,
    FacilityId(id): FacilityId,
    input: FacilityInput,
) -> Result<(), ServiceError> {
    let place = store.facility_place(FacilityId(id)).await?.ok_or(ServiceError::NotFound("facility"))?;
    let mut entry = actor.audit("update_facility", "facility", Some(id));
    if !actor.member.scope.can_author_at(place, false) || actor.member.scope.role == Role::Provider {
        return refuse(store, entry).await;
    }
    if input.area_m2.is_some_and(|a| !(1.0..=1_000_000.0).contains(&a)) {
        return Err(field("area_m2", "面积应在1到1000000平方米之间", "between 1 and 1,000,000 m²"));
    }
    if let Some(hours) = &input.opening_hours {
        WeeklyHours::parse(hours).map_err(|_| {
            field(
                "opening_hours",
                "开放时间格式如 2-7 09:00-11:30,14:00-20:00",
                "write hours like 2-7 09:00-11:30,14:00-20:00",
            )
        })?;
    }
    let position = match &input.position {
        Some(text) => Some(LatLng::parse(text).map_err(|_| {
            field(
                "position",
                "坐标请写纬度和经度，用英文逗号隔开，如 39.9125,116.2",
                "write the position as lat,lng",
            )
        })?),
        None => None,
    };
    let before = store.facility_facts(FacilityId(id)).await?;
    let change = FacilityChange {
        area_m2: input.area_m2,
        opening_hours: input.opening_hours.as_ref().map(|h| h.trim().to_string()),
        free_opening: input.free_opening,
        lat: position.map(|p| p.lat),
        lng: position.map(|p| p.lng),
    };
    store.update_facility(FacilityId(id), &change).await?;
    let after = store.facility_facts(FacilityId(id)).await?;
    let as_json = |facts: Option<cc_store::FacilityFacts>| facts.map(|f| json!(f).to_string());
    entry.before = as_json(before);
    entry.after = as_json(after);
    store.append_audit(&entry).await?;
    Ok(())
}

/// A level's standard as district admins set it.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct StandardInput {
    pub min_area_m2: f64,
    #[schema(maximum = 168)]
    pub min_weekly_hours: f64,
    pub free_opening_required: bool,
}

/// Sets the standard of `level` (district admins only).
pub async fn update_standard(
    store: &Store,
    actor: &Actor,
    level: &str,
    input: StandardInput,
) -> Result<(), ServiceError> {
    let level = FacilityLevel::parse(level).ok_or(ServiceError::NotFound("level"))?;
    let mut entry = actor.audit("update_standard", "standard", None);
    if actor.member.scope.role != Role::DistrictAdmin {
        return refuse(store, entry).await;
    }
    if !(0.0..=1_000_000.0).contains(&input.min_area_m2) {
        return Err(field("min_area_m2", "面积标准应在0到1000000之间", "between 0 and 1,000,000"));
    }
    if !(0.0..=168.0).contains(&input.min_weekly_hours) {
        return Err(field("min_weekly_hours", "每周开放时长应在0到168小时之间", "between 0 and 168 hours"));
    }
    store
        .update_standard(level, input.min_area_m2, input.min_weekly_hours, input.free_opening_required)
        .await?;
    entry.after = Some(
        json!({ "level": level.as_str(), "min_area_m2": input.min_area_m2,
        "min_weekly_hours": input.min_weekly_hours, "free_opening_required": input.free_opening_required })
        .to_string(),
    );
    store.append_audit(&entry).await?;
    Ok(())
}

/// The records of the facilities the actor keeps. Reviewers and providers keep none and are
/// refused (audited).
pub async fn facility_records(
    store: &Store,
    actor: &Actor,
) -> Result<Vec<cc_store::FacilityRecord>, ServiceError> {
    if !actor.member.scope.role.runs_places() {
        return refuse(store, actor.audit("read_facility_records", "district", None)).await;
    }
    Ok(store
        .all_facility_records()
        .await?
        .into_iter()
        .filter(|r| {
            let place = cc_domain::staff::Place { facility_id: r.id, street_id: r.street_id };
            actor.member.scope.can_author_at(place, false)
        })
        .collect())
}
