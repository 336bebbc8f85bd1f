//! `GET /api/v1/items` and `GET /api/v1/items/{id}`.

use axum::extract::{RawQuery, State};
use axum::response::IntoResponse;
use axum::Json;
use cc_domain::ids::{Id, ItemId};
use cc_domain::time::now;
use cc_domain::CatalogQuery;
use cc_store::Store;

use super::error::ApiError;
use super::resident::PathId;

/// The catalogue, filtered, sorted and paged exactly like `/catalog`.
pub async fn list(State(store): State<Store>, RawQuery(qs): RawQuery) -> Result<impl IntoResponse, ApiError> {
    let query = CatalogQuery::parse_query_string(qs.as_deref().unwrap_or(""))?;
    Ok(Json(store.search_items(&query, now()).await?))
}

/// One published item with its upcoming sessions.
pub async fn show(
    State(store): State<Store>,
    PathId(ItemId(id)): PathId<ItemId>,
) -> Result<impl IntoResponse, ApiError> {
    store.item_detail(id, now()).await?.map(Json).ok_or(ApiError::NotFound(ItemId::NOUN))
}
