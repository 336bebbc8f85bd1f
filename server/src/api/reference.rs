//! `GET /api/v1/categories`, `GET /api/v1/audiences` and `GET /api/v1/streets`.

use axum::extract::State;
use axum::Json;
use cc_domain::vocabulary::Term;
use cc_domain::StreetWithCommunities;
use cc_store::Store;
use serde::Serialize;
use utoipa::ToSchema;

use super::error::ApiError;

/// The service categories.
#[derive(Serialize, ToSchema)]
pub struct Categories {
    categories: Vec<Term>,
}

/// Whom services are for.
#[derive(Serialize, ToSchema)]
pub struct Audiences {
    audiences: Vec<Term>,
}

/// The streets and their communities.
#[derive(Serialize, ToSchema)]
pub struct Streets {
    streets: Vec<StreetWithCommunities>,
}

/// Every category, in display order.
#[utoipa::path(
    get, path = "/categories", operation_id = "list_categories", tag = "catalogue",
    summary = "Service categories 类别 in display order, with their icons",
    responses((status = 200, description = "Categories", body = Categories))
)]
pub async fn categories(State(store): State<Store>) -> Result<Json<Categories>, ApiError> {
    Ok(Json(Categories { categories: store.categories().await? }))
}

/// Every audience, in display order.
#[utoipa::path(
    get, path = "/audiences", operation_id = "list_audiences", tag = "catalogue",
    summary = "Audiences 服务对象 (whom services are for) in display order, with their icons",
    responses((status = 200, description = "Audiences", body = Audiences))
)]
pub async fn audiences(State(store): State<Store>) -> Result<Json<Audiences>, ApiError> {
    Ok(Json(Audiences { audiences: store.audiences().await? }))
}

/// Every street with its communities.
#[utoipa::path(
    get, path = "/streets", operation_id = "list_streets", tag = "catalogue",
    summary = "The streets 街道 with their communities 社区",
    responses((status = 200, description = "Streets", body = Streets))
)]
pub async fn streets(State(store): State<Store>) -> Result<Json<Streets>, ApiError> {
    Ok(Json(Streets { streets: store.streets().await? }))
}
