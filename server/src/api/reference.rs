//! `GET /api/v1/categories` and `GET /api/v1/streets`.

use axum::extract::State;
use axum::response::IntoResponse;
use axum::Json;
use cc_store::Store;
use serde_json::json;

use super::error::ApiError;

/// Every category, in display order.
pub async fn categories(State(store): State<Store>) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(json!({ "categories": store.categories().await? })))
}

/// Every street with its communities.
pub async fn streets(State(store): State<Store>) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(json!({ "streets": store.streets().await? })))
}
