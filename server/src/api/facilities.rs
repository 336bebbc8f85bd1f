//! `GET /api/v1/facilities` (GeoJSON), `GET /api/v1/facilities/{id}` and `GET /api/v1/coverage`.

use axum::extract::{RawQuery, State};
use axum::response::IntoResponse;
use axum::Json;
use cc_domain::ids::FacilityId;
use cc_domain::time::now;
use cc_domain::{FacilityQuery, FacilitySummary, Locale};
use cc_store::Store;
use serde_json::{json, Value};

use super::error::{caller_locale, ApiError};
use super::resident::PathId;

/// Facilities as a GeoJSON FeatureCollection, filtered by `level`, `street`, `category`, `q`,
/// and sorted by distance from `near=lat,lng` when given.
pub async fn list(State(store): State<Store>, RawQuery(qs): RawQuery) -> Result<impl IntoResponse, ApiError> {
    let query = FacilityQuery::parse_query_string(qs.as_deref().unwrap_or(""))?;
    let found = store.facilities(&query, now()).await?;
    Ok(Json(json!({
        "type": "FeatureCollection",
        "features": found.iter().map(feature).collect::<Vec<_>>(),
    })))
}

/// One facility as a GeoJSON Feature with its hours, compliance reasons and upcoming sessions.
pub async fn show(
    State(store): State<Store>,
    PathId(FacilityId(id)): PathId<FacilityId>,
) -> Result<impl IntoResponse, ApiError> {
    let locale = caller_locale();
    let profile = store.facility_profile(id, now()).await?.ok_or(ApiError::NotFound("facility"))?;
    let mut f = feature(&profile.summary);
    let props = &mut f["properties"];
    props["opening_hours"] = json!(profile.opening_hours.as_ref().map(|h| h.describe(locale)));
    props["weekly_hours"] = json!(profile.opening_hours.as_ref().map(|h| h.hours_per_week()));
    props["area_m2"] = json!(profile.area_m2);
    props["free_opening"] = json!(profile.free_opening);
    props["compliance"] = json!({
        "compliant": profile.compliance.compliant,
        "reasons": profile.compliance.reasons.iter().map(|r| {
            let mut v = serde_json::to_value(r).unwrap_or(Value::Null);
            v["message"] = json!(r.describe(locale));
            v
        }).collect::<Vec<_>>(),
    });
    props["upcoming"] = json!(profile.upcoming);
    Ok(Json(f))
}

/// Compliance and coverage per street and for the district.
pub async fn coverage(State(store): State<Store>) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(store.coverage().await?))
}

/// A facility as a GeoJSON Feature (coordinates are longitude first).
fn feature(f: &FacilitySummary) -> Value {
    let mut properties = json!({
        "id": f.id,
        "name": f.name,
        "level": f.level,
        "kind": f.kind,
        "street": f.street.slug,
        "street_name": f.street.label(Locale::Zh),
        "community": f.community,
        "address": f.address,
        "compliant": f.compliant,
        "open_now": f.open_now,
        "this_week": f.this_week,
    });
    if let Some(d) = f.distance_m {
        properties["distance_m"] = json!(d.round());
    }
    json!({
        "type": "Feature",
        "id": f.id,
        "geometry": { "type": "Point", "coordinates": [f.position.lng, f.position.lat] },
        "properties": properties,
    })
}
