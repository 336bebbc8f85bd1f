//! Server functions for the console's facility records and standards, through `cc-services`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use cc_domain::ids::FacilityId;

/// A facility's record as the console edits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacilityRecordLine {
    pub id: i64,
    pub name: String,
    pub area_m2: Option<f64>,
    pub opening_hours: String,
    pub free_opening: bool,
    pub position: String,
    pub compliant: bool,
}

/// The facilities the staff member may edit, and the standards (editable by district admins).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacilityRecords {
    pub facilities: Vec<FacilityRecordLine>,
    pub standards: Vec<cc_domain::compliance::Standard>,
    pub may_edit_standards: bool,
    /// The map's tiles, for picking a position.
    pub tiles: crate::public_fns::MapSettings,
}

/// Records in scope, with each one's compliance.
#[server]
pub async fn load_facility_records() -> Result<FacilityRecords, AppError> {
    use cc_domain::staff::Role;
    let actor = crate::staff_fns::context::actor().await?;
    let store = crate::staff_fns::context::staff_auth()?.store().clone();
    let compliant: std::collections::HashMap<i64, bool> = store
        .facilities(&cc_domain::FacilityQuery::default(), cc_domain::time::now())
        .await?
        .into_iter()
        .map(|f| (f.id, f.compliant))
        .collect();
    let mut facilities = Vec::new();
    for record in cc_services::staff::facility_records(&store, &actor).await? {
        let facts = record.facts;
        facilities.push(FacilityRecordLine {
            id: record.id,
            name: record.name,
            area_m2: facts.area_m2,
            opening_hours: facts.opening_hours.unwrap_or_default(),
            free_opening: facts.free_opening == Some(true),
            position: format!("{:.6},{:.6}", facts.lat, facts.lng),
            compliant: compliant.get(&record.id).copied().unwrap_or(false),
        });
    }
    let standards = store.compliance_report().await?.standards;
    Ok(FacilityRecords {
        facilities,
        standards,
        may_edit_standards: actor.member.scope.role == Role::DistrictAdmin,
        tiles: crate::public_fns::load_map_settings().await?,
    })
}

/// Saves a facility's record (empty fields stay as they are).
#[server]
pub async fn save_facility_record(
    facility_id: i64,
    area_m2: String,
    opening_hours: String,
    free_opening: Option<String>,
    position: String,
) -> Result<(), AppError> {
    let actor = crate::staff_fns::context::actor().await?;
    let area = area_m2.trim();
    let area_m2 = match area {
        "" => None,
        text => Some(text.parse::<f64>().map_err(|_| {
            cc_services::ServiceError::Field(cc_domain::authoring::FieldError {
                field: "area_m2",
                zh: "面积应为数字",
                en: "the area is a number",
            })
        })?),
    };
    let input = cc_services::staff::FacilityInput {
        area_m2,
        opening_hours: Some(opening_hours).filter(|h| !h.trim().is_empty()),
        free_opening: Some(free_opening.is_some()),
        position: Some(position).filter(|p| !p.trim().is_empty()),
    };
    let store = crate::staff_fns::context::staff_auth()?.store().clone();
    Ok(cc_services::staff::update_facility(&store, &actor, FacilityId(facility_id), input).await?)
}

/// Saves a level's standard (district admins).
#[server]
pub async fn save_standard(
    level: String,
    min_area_m2: f64,
    min_weekly_hours: f64,
    free_opening_required: Option<String>,
) -> Result<(), AppError> {
    let actor = crate::staff_fns::context::actor().await?;
    let input = cc_services::staff::StandardInput {
        min_area_m2,
        min_weekly_hours,
        free_opening_required: free_opening_required.is_some(),
    };
    let store = crate::staff_fns::context::staff_auth()?.store().clone();
    Ok(cc_services::staff::update_standard(&store, &actor, &level, input).await?)
}

/// The compliance and coverage table in the staff member's reach, worded in `lang` (`zh`/`en`).
#[server]
pub async fn load_compliance_table(
    lang: String,
) -> Result<Vec<cc_domain::compliance_table::StreetRow>, AppError> {
    let locale = cc_domain::Locale::from_tag(&lang);
    let actor = crate::staff_fns::context::actor().await?;
    let store = crate::staff_fns::context::staff_auth()?.store().clone();
    Ok(cc_services::staff::compliance_rows(&store, &actor, "read_compliance", locale).await?)
}
