//! `GET /api/v1/categories` and `GET /api/v1/streets`.

use axum::extract::State;
use axum::response::Response;
use axum::Json;
use cc_store::Store;
use http::HeaderMap;
use serde_json::json;

use super::error::{respond, ApiError};

/// Every category, in display order.
pub async fn categories(State(store): State<Store>, headers: HeaderMap) -> Response {
    let result: Result<_, ApiError> =
        async { Ok(Json(json!({ "categories": store.categories().await? }))) }.await;
    respond(&headers, result)
}

/// Every street with its communities.
pub async fn streets(State(store): State<Store>, headers: HeaderMap) -> Response {
    let result: Result<_, ApiError> = async { Ok(Json(json!({ "streets": store.streets().await? }))) }.await;
    respond(&headers, result)
}
