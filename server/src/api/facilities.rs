//! `GET /api/v1/facilities` (GeoJSON), `GET /api/v1/facilities/{id}` and `GET /api/v1/coverage`.

use axum::extract::{RawQuery, State};
use axum::Json;
use cc_domain::compliance::{Coverage, Shortfall};
use cc_domain::ids::FacilityId;
use cc_domain::time::now;
use cc_domain::{FacilityLevel, FacilityQuery, FacilitySummary, Locale, SessionAtFacility};
use cc_store::Store;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::error::{caller_locale, ApiError, ErrorBody};
use super::resident::PathId;

/// The facility list's query parameters, as `FacilityQuery` parses them.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // read by the document only; the query is parsed by `FacilityQuery`
pub struct FacilityParams {
    /// Part of the name or address.
    #[param(max_length = 40)]
    q: Option<String>,
    /// `district`, `street` or `community`.
    #[param(pattern = "^(district|street|community)?$")]
    level: Option<String>,
    /// Street slug.
    #[param(pattern = "^([a-z0-9-]{1,40})?$")]
    street: Option<String>,
    /// Only facilities holding published services of this category.
    #[param(pattern = "^([a-z0-9-]{1,40})?$")]
    category: Option<String>,
    /// `lat,lng` in degrees: sort by distance and report `distance_m`.
    #[param(pattern = r"^(-?[0-9]{1,2}(\.[0-9]+)?,-?[0-9]{1,3}(\.[0-9]+)?)?$", example = "39.9125,116.2")]
    near: Option<String>,
}

/// Facilities as a GeoJSON FeatureCollection.
#[derive(Serialize, ToSchema)]
pub struct FacilityCollection {
    r#type: CollectionType,
    features: Vec<FacilityFeature<FacilityProperties>>,
}

#[derive(Serialize, ToSchema)]
enum CollectionType {
    FeatureCollection,
}

/// A facility as a GeoJSON Feature (coordinates are longitude first).
#[derive(Serialize, ToSchema)]
pub struct FacilityFeature<P> {
    r#type: FeatureType,
    id: i64,
    geometry: Point,
    properties: P,
}

#[derive(Serialize, ToSchema)]
enum FeatureType {
    Feature,
}

/// A GeoJSON point.
#[derive(Serialize, ToSchema)]
struct Point {
    r#type: PointType,
    /// `[longitude, latitude]`.
    #[schema(min_items = 2, max_items = 2)]
    coordinates: Vec<f64>,
}

#[derive(Serialize, ToSchema)]
enum PointType {
    Point,
}

/// What the facility list says of each facility.
#[derive(Serialize, ToSchema)]
pub struct FacilityProperties {
    id: i64,
    name: String,
    level: FacilityLevel,
    /// `library`, `cultural_centre`, `museum`, `square`, `street_centre`, `community_room`.
    kind: String,
    /// The street's slug.
    street: String,
    street_name: String,
    community: Option<String>,
    address: String,
    compliant: bool,
    /// `null` when the opening hours are not on record.
    open_now: Option<bool>,
    /// Metres from `near`, only when it was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    distance_m: Option<f64>,
    /// Sessions in the coming seven days, earliest first (at most five).
    this_week: Vec<SessionAtFacility>,
}

/// What a facility's own answer adds to the list's.
#[derive(Serialize, ToSchema)]
pub struct FacilityDetails {
    #[serde(flatten)]
    summary: FacilityProperties,
    /// The weekly opening hours in words, in the caller's language.
    opening_hours: Option<String>,
    weekly_hours: Option<f64>,
    area_m2: Option<f64>,
    free_opening: Option<bool>,
    compliance: ComplianceAnswer,
    /// Upcoming sessions held here (at most twenty).
    upcoming: Vec<SessionAtFacility>,
}

/// Whether a facility meets its level's standard, and each reason it falls short.
#[derive(Serialize, ToSchema)]
pub struct ComplianceAnswer {
    compliant: bool,
    reasons: Vec<Reason>,
}

/// One shortfall and its sentence in the caller's language.
#[derive(Serialize, ToSchema)]
struct Reason {
    #[serde(flatten)]
    shortfall: Shortfall,
    message: String,
}

impl ComplianceAnswer {
    /// A facility's compliance, worded for `locale`.
    pub fn new(compliance: &cc_domain::compliance::Compliance, locale: Locale) -> Self {
        let reasons = compliance
            .reasons
            .iter()
            .map(|r| Reason { shortfall: r.clone(), message: r.describe(locale) })
            .collect();
        ComplianceAnswer { compliant: compliance.compliant, reasons }
    }
}

/// Facilities as a GeoJSON FeatureCollection, filtered by `level`, `street`, `category`, `q`,
/// and sorted by distance from `near=lat,lng` when given.
#[utoipa::path(
    get, path = "/facilities", operation_id = "list_facilities", tag = "catalogue",
    summary = "Facilities of the three-level network as GeoJSON",
    params(FacilityParams),
    responses(
        (status = 200, description = "A GeoJSON FeatureCollection", body = FacilityCollection),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
    )
)]
pub async fn list(
    State(store): State<Store>,
    RawQuery(qs): RawQuery,
) -> Result<Json<FacilityCollection>, ApiError> {
    let query = FacilityQuery::parse_query_string(qs.as_deref().unwrap_or(""))?;
    let found = store.facilities(&query, now()).await?;
    Ok(Json(FacilityCollection {
        r#type: CollectionType::FeatureCollection,
        features: found.iter().map(|f| feature(f, properties(f))).collect(),
    }))
}

/// One facility as a GeoJSON Feature with its hours, compliance reasons and upcoming sessions.
#[utoipa::path(
    get, path = "/facilities/{id}", operation_id = "get_facility", tag = "catalogue",
    summary = "One facility with opening hours, compliance reasons and upcoming sessions",
    params(("id" = i64, Path, description = "The facility's id", minimum = 1)),
    responses(
        (status = 200, description = "A GeoJSON Feature", body = FacilityFeature<FacilityDetails>),
        (status = 404, description = "`not_found`: no facility has this id (or it is not a positive whole number)", body = ErrorBody),
    )
)]
pub async fn show(
    State(store): State<Store>,
    PathId(id): PathId<FacilityId>,
) -> Result<Json<FacilityFeature<FacilityDetails>>, ApiError> {
    let locale = caller_locale();
    let profile = store.facility_profile(id, now()).await?.ok_or(ApiError::NotFound("facility"))?;
    let hours = profile.opening_hours.as_ref();
    let details = FacilityDetails {
        summary: properties(&profile.summary),
        opening_hours: hours.map(|h| h.describe(locale)),
        weekly_hours: hours.map(|h| h.hours_per_week()),
        area_m2: profile.area_m2,
        free_opening: profile.free_opening,
        compliance: ComplianceAnswer::new(&profile.compliance, locale),
        upcoming: profile.upcoming,
    };
    Ok(Json(feature(&profile.summary, details)))
}

/// Compliance and coverage per street and for the district.
#[utoipa::path(
    get, path = "/coverage", operation_id = "get_coverage", tag = "catalogue",
    summary = "Compliance 达标 and coverage 覆盖率 per street and for the district",
    responses((status = 200, description = "Coverage", body = Coverage))
)]
pub async fn coverage(State(store): State<Store>) -> Result<Json<Coverage>, ApiError> {
    Ok(Json(store.coverage().await?))
}

fn feature<P>(f: &FacilitySummary, properties: P) -> FacilityFeature<P> {
    FacilityFeature {
        r#type: FeatureType::Feature,
        id: f.id,
        geometry: Point { r#type: PointType::Point, coordinates: vec![f.position.lng, f.position.lat] },
        properties,
    }
}

fn properties(f: &FacilitySummary) -> FacilityProperties {
    FacilityProperties {
        id: f.id,
        name: f.name.clone(),
        level: f.level,
        kind: f.kind.clone(),
        street: f.street.slug.clone(),
        street_name: f.street.label(Locale::Zh).to_string(),
        community: f.community.clone(),
        address: f.address.clone(),
        compliant: f.compliant,
        open_now: f.open_now,
        distance_m: f.distance_m.map(f64::round),
        this_week: f.this_week.clone(),
    }
}
