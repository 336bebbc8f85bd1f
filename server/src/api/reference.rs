//! `GET /api/v1/categories` and `GET /api/v1/streets`.

use axum::extract::State;
use axum::Json;
use cc_domain::{Named, StreetWithCommunities};
use cc_store::Store;
use serde::Serialize;
use utoipa::ToSchema;

use super::error::ApiError;

/// The service categories.
#[derive(Serialize, ToSchema)]
pub struct Categories {
    categories: Vec<Named>,
}

/// The streets and their communities.
#[derive(Serialize, ToSchema)]
pub struct Streets {
    streets: Vec<StreetWithCommunities>,
}

/// Every category, in display order.
#[utoipa::path(
    get, path = "/categories", operation_id = "list_categories", tag = "catalogue",
    summary = "Service categories in display order",
    responses((status = 200, description = "Categories", body = Categories))
)]
pub async fn categories(State(store): State<Store>) -> Result<Json<Categories>, ApiError> {
    Ok(Json(Categories { categories: store.categories().await? }))
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
