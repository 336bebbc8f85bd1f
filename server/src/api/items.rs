//! `GET /api/v1/items` and `GET /api/v1/items/{id}`.

use axum::extract::{RawQuery, State};
use axum::Json;
use cc_domain::ids::{Id, ItemId};
use cc_domain::time::now;
use cc_domain::{CatalogQuery, ItemDetail, ItemSummary, Page};
use cc_store::Store;

use super::error::{ApiError, ErrorBody};
use super::resident::PathId;

/// The catalogue's query parameters, as `CatalogQuery` parses them (a test holds the two to the
/// same names, in the same order).
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // read by the document only; the query is parsed by `CatalogQuery`
pub struct CatalogParams {
    /// Search text (Chinese, pinyin or pinyin initials), at most 40 characters.
    #[param(max_length = 40)]
    q: Option<String>,
    /// Category slug (see /categories); empty is the same as leaving it out.
    #[param(pattern = "^([a-z0-9-]{1,40})?$")]
    category: Option<String>,
    /// Street slug (see /streets).
    #[param(pattern = "^([a-z0-9-]{1,40})?$")]
    street: Option<String>,
    /// Audience slug.
    #[param(pattern = "^([a-z0-9-]{1,40})?$")]
    audience: Option<String>,
    /// Only items with a session on or after this day (YYYY-MM-DD, years 2000–2100).
    #[param(pattern = "^((20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?$")]
    from: Option<String>,
    /// Only items with a session on or before this day (not before `from`).
    #[param(pattern = "^((20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?$")]
    to: Option<String>,
    /// Only free services.
    #[param(default = false)]
    free: Option<bool>,
    /// Order after relevance: `date` (next session first) or `popular`.
    #[param(pattern = "^(date|popular)?$", default = "date")]
    sort: Option<String>,
    /// Page number; page numbers reach the first 10,000 results (`page × per_page`, so 500 at 20 a page), beyond
    /// which the answer is 400 `bad_parameter`: walk a listing further with `cursor`.
    #[param(minimum = 1, maximum = 10000, default = 1)]
    page: Option<u32>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    per_page: Option<u32>,
    /// Start after this place (`next_cursor` of the previous page; not with `q`): every item
    /// exactly once however far, even while items are added.
    #[param(pattern = r"^(-?[0-9]{1,19}\.[1-9][0-9]{0,18})?$")]
    cursor: Option<String>,
}

/// The catalogue, filtered, sorted and paged exactly like `/catalog`.
#[utoipa::path(
    get, path = "/items", operation_id = "list_items", tag = "catalogue",
    summary = "Search and filter the published catalogue",
    params(CatalogParams),
    responses(
        (status = 200, description = "One page of results", body = Page<ItemSummary>),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
    )
)]
pub async fn list(
    State(store): State<Store>,
    RawQuery(qs): RawQuery,
) -> Result<Json<Page<ItemSummary>>, ApiError> {
    let query = CatalogQuery::parse_query_string(qs.as_deref().unwrap_or(""))?;
    Ok(Json(store.search_items(&query, now()).await?))
}

/// One published item with its upcoming sessions.
#[utoipa::path(
    get, path = "/items/{id}", operation_id = "get_item", tag = "catalogue",
    summary = "One published item with its upcoming sessions",
    params(("id" = i64, Path, description = "The item's id", minimum = 1)),
    responses(
        (status = 200, description = "The item", body = ItemDetail),
        (status = 404, description = "`not_found`: no published item has this id (or it is not a positive whole number)", body = ErrorBody),
    )
)]
pub async fn show(
    State(store): State<Store>,
    PathId(id): PathId<ItemId>,
) -> Result<Json<ItemDetail>, ApiError> {
    store.item_detail(id, now()).await?.map(Json).ok_or(ApiError::NotFound(ItemId::NOUN))
}
