//! `GET /api/v1/items` and `GET /api/v1/items/{id}`.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use axum::Json;
use cc_domain::time::now;
use cc_domain::{CatalogQuery, ParamError, ParamProblem};
use cc_store::Store;
use http::HeaderMap;

use super::error::{respond, ApiError};

/// The catalogue, filtered, sorted and paged exactly like `/catalog`.
pub async fn list(State(store): State<Store>, headers: HeaderMap, RawQuery(qs): RawQuery) -> Response {
    let result = async {
        let query = CatalogQuery::parse_query_string(qs.as_deref().unwrap_or(""))?;
        Ok(Json(store.search_items(&query, now()).await?))
    };
    respond(&headers, result.await)
}

/// One published item with its upcoming sessions.
pub async fn show(State(store): State<Store>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let result = async {
        let id: i64 = id
            .parse()
            .map_err(|_| ParamError { param: "id".into(), problem: ParamProblem::NotAPositiveNumber })?;
        store.item_detail(id, now()).await?.map(Json).ok_or(ApiError::NotFound("item"))
    };
    respond(&headers, result.await)
}
