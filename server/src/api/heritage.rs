//! 非遗: anyone reads the registry (projects, one project, the places on the map); district
//! admins keep it. The rules are `cc_services`'; these extract, call and serialise.

use axum::body::{to_bytes, Body as RawBody};
use axum::extract::{RawQuery, State};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::heritage::{HeritageCategory, HeritageLevel, HeritageProject, HeritageQuery, ProjectInput};
use cc_domain::ids::{HeritageProjectId, ItemId};
use cc_store::Store;
use http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, PathId};
use super::staff::StaffActor;
use super::staff_media::{too_large, Picture, BODY_LIMIT};

/// `GET /heritage/projects`: the registry, national projects first.
#[utoipa::path(
    get, path = "/heritage/projects", operation_id = "list_heritage_projects", tag = "heritage",
    summary = "The intangible-heritage registry: representative projects, national ones first, filtered and searched (Chinese or pinyin)",
    params(
        ("category" = Option<String>, Query, description = "One of the ten categories", pattern = "^(folk-literature|music|dance|drama|quyi|sports|art|craft|medicine|folklore)?$"),
        ("level" = Option<String>, Query, description = "national, municipal or district", pattern = "^(national|municipal|district)?$"),
        ("q" = Option<String>, Query, description = "Words of the name, unit, inheritors or description, or the name's pinyin (at most 40 characters)", max_length = 40),
    ),
    responses(
        (status = 200, description = "Projects", body = Vec<HeritageProject>),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
    )
)]
pub async fn list(State(store): State<Store>, RawQuery(qs): RawQuery) -> Result<Json<Vec<HeritageProject>>, ApiError> {
    let query = HeritageQuery::parse_query_string(qs.as_deref().unwrap_or(""))?;
    Ok(Json(cc_services::heritage::projects(&store, &query).await?))
}

/// `GET /heritage/projects/{id}`.
#[utoipa::path(
    get, path = "/heritage/projects/{id}", operation_id = "get_heritage_project", tag = "heritage",
    summary = "One project of the registry, with its inheritors, places, pictures and the services that let residents experience it",
    params(("id" = i64, Path, description = "The project's id", minimum = 1)),
    responses(
        (status = 200, description = "The project", body = HeritageProject),
        (status = 404, description = "`not_found`: no such project", body = ErrorBody),
    )
)]
pub async fn show(State(store): State<Store>, PathId(id): PathId<HeritageProjectId>) -> Result<Json<HeritageProject>, ApiError> {
    Ok(Json(cc_services::heritage::project(&store, id).await?))
}

/// One place where a project is practised, as the map draws it.
#[derive(Serialize, ToSchema)]
pub struct MapPlace {
    project_id: HeritageProjectId,
    project: String,
    category: HeritageCategory,
    level: HeritageLevel,
    place: String,
    lat: f64,
    lng: f64,
}

/// `GET /heritage/places`: the map's heritage layer.
#[utoipa::path(
    get, path = "/heritage/places", operation_id = "list_heritage_places", tag = "heritage",
    summary = "Every place where a project of the registry is practised (the map's layer)",
    responses((status = 200, description = "Places", body = Vec<MapPlace>))
)]
pub async fn places(State(store): State<Store>) -> Result<Json<Vec<MapPlace>>, ApiError> {
    let places = cc_services::heritage::places(&store).await?;
    Ok(Json(
        places
            .into_iter()
            .map(|p| MapPlace {
                project_id: p.project,
                project: p.project_name,
                category: p.category,
                level: p.level,
                place: p.place.name,
                lat: p.place.lat,
                lng: p.place.lng,
            })
            .collect(),
    ))
}

/// `POST /staff/heritage/projects`: 201 with the project.
#[utoipa::path(
    post, path = "/staff/heritage/projects", operation_id = "create_heritage_project", tag = "staff",
    summary = "Add a project to the registry (district admins; audited)",
    security(("cookieAuth" = [])),
    request_body = ProjectInput,
    responses(
        (status = 201, description = "Added", body = HeritageProject),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn create(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    Body(input): Body<ProjectInput>,
) -> Result<(StatusCode, Json<HeritageProject>), ApiError> {
    let project = cc_services::staff::create_heritage_project(auth.store(), &actor, &input).await?;
    Ok((StatusCode::CREATED, Json(project)))
}

/// `PUT /staff/heritage/projects/{id}`: the project as it became.
#[utoipa::path(
    put, path = "/staff/heritage/projects/{id}", operation_id = "update_heritage_project", tag = "staff",
    summary = "Replace a project's facts, inheritors and places (district admins; audited with the project before and after)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The project's id", minimum = 1)),
    request_body = ProjectInput,
    responses(
        (status = 200, description = "Changed", body = HeritageProject),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such project", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn update(
    State(auth): State<StaffAuth>,
    PathId(id): PathId<HeritageProjectId>,
    StaffActor(actor): StaffActor,
    Body(input): Body<ProjectInput>,
) -> Result<Json<HeritageProject>, ApiError> {
    Ok(Json(cc_services::staff::update_heritage_project(auth.store(), &actor, id, &input).await?))
}

/// Where a new picture is served.
#[derive(Serialize, ToSchema)]
pub struct ProjectImage {
    /// `/media/{token}.jpg|png`, cached for good.
    image: String,
}

/// `POST /staff/heritage/projects/{id}/images`: 201 with the picture's path.
#[utoipa::path(
    post, path = "/staff/heritage/projects/{id}/images", operation_id = "add_heritage_image", tag = "staff",
    summary = "Add a picture to a project: JPEG or PNG recognised by its bytes, at most 5 MB, each side 200–8000 px; metadata removed",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The project's id", minimum = 1)),
    request_body(content((Picture = "image/jpeg"), (Picture = "image/png"))),
    responses(
        (status = 201, description = "Added", body = ProjectImage),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such project", body = ErrorBody),
        (status = 413, description = "`too_large`", body = ErrorBody),
        (status = 422, description = "`unsupported_type`, `damaged`, `bad_dimensions` or `empty`", body = ErrorBody),
    )
)]
pub async fn add_image(
    State(auth): State<StaffAuth>,
    PathId(id): PathId<HeritageProjectId>,
    StaffActor(actor): StaffActor,
    body: RawBody,
) -> Result<(StatusCode, Json<ProjectImage>), ApiError> {
    let bytes = to_bytes(body, BODY_LIMIT).await.map_err(|_| too_large())?;
    let image = cc_services::staff::add_heritage_image(auth.store(), &actor, id, &bytes).await?;
    Ok((StatusCode::CREATED, Json(ProjectImage { image })))
}

/// The project a service lets residents experience, or none.
#[derive(Deserialize, ToSchema)]
pub struct HeritageLink {
    #[schema(minimum = 1)]
    project_id: Option<i64>,
}

/// `PUT /staff/items/{id}/heritage`: 204.
#[utoipa::path(
    put, path = "/staff/items/{id}/heritage", operation_id = "link_item_to_heritage", tag = "staff",
    summary = "Link a service to the heritage project it lets residents experience or see (null unlinks it; district admins; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The item's id", minimum = 1)),
    request_body = HeritageLink,
    responses(
        (status = 204, description = "Linked"),
        (status = 400, description = says!(bad_request), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such item or project", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn link_item(
    State(auth): State<StaffAuth>,
    PathId(item): PathId<ItemId>,
    StaffActor(actor): StaffActor,
    Body(link): Body<HeritageLink>,
) -> Result<StatusCode, ApiError> {
    let project = link.project_id.map(HeritageProjectId);
    cc_services::staff::link_item_to_heritage(auth.store(), &actor, item, project).await?;
    Ok(StatusCode::NO_CONTENT)
}
