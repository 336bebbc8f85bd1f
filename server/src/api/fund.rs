//! 非遗专项资金: anyone reads the calls and the support categories (the rules); district admins
//! write them. The rules are `cc_services`'; these extract, call and serialise.

use axum::extract::State;
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::fund::{CallInput, CategoryInput, FundCall, FundCategory};
use cc_domain::ids::{FundCallId, FundCategoryId};
use cc_store::Store;
use http::StatusCode;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, PathId};
use super::staff::StaffActor;

/// `GET /fund/calls`.
#[utoipa::path(
    get, path = "/fund/calls", operation_id = "list_fund_calls", tag = "fund",
    summary = "The heritage fund's yearly calls, the latest first: budget, what is committed, dates (district time) and whether applications are open",
    responses((status = 200, description = "Calls", body = Vec<FundCall>))
)]
pub async fn calls(State(store): State<Store>) -> Result<Json<Vec<FundCall>>, ApiError> {
    Ok(Json(cc_services::fund::calls(&store).await?))
}

/// `GET /fund/categories`.
#[utoipa::path(
    get, path = "/fund/categories", operation_id = "list_fund_categories", tag = "fund",
    summary = "The fund's support categories: what each supports, its cap per award (fen) and the attachments it requires",
    responses((status = 200, description = "Categories, retired ones last", body = Vec<FundCategory>))
)]
pub async fn categories(State(store): State<Store>) -> Result<Json<Vec<FundCategory>>, ApiError> {
    Ok(Json(cc_services::fund::categories(&store).await?))
}

/// `POST /staff/fund/categories`: 201.
#[utoipa::path(
    post, path = "/staff/fund/categories", operation_id = "create_fund_category", tag = "staff",
    summary = "Add a support category (district admins; audited)",
    security(("cookieAuth" = [])),
    request_body = CategoryInput,
    responses(
        (status = 201, description = "Added", body = FundCategory),
        (status = 400, description = concat!(says!(bad_field), " (`code` taken too); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn create_category(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    Body(input): Body<CategoryInput>,
) -> Result<(StatusCode, Json<FundCategory>), ApiError> {
    let category = cc_services::staff::save_fund_category(auth.store(), &actor, None, &input).await?;
    Ok((StatusCode::CREATED, Json(category)))
}

/// `PUT /staff/fund/categories/{id}`.
#[utoipa::path(
    put, path = "/staff/fund/categories/{id}", operation_id = "update_fund_category", tag = "staff",
    summary = "Change a support category, the defaults included; retire one with `retired` (district admins; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The category's id", minimum = 1)),
    request_body = CategoryInput,
    responses(
        (status = 200, description = "Changed", body = FundCategory),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such category", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn update_category(
    State(auth): State<StaffAuth>,
    PathId(id): PathId<FundCategoryId>,
    StaffActor(actor): StaffActor,
    Body(input): Body<CategoryInput>,
) -> Result<Json<FundCategory>, ApiError> {
    Ok(Json(cc_services::staff::save_fund_category(auth.store(), &actor, Some(id), &input).await?))
}

/// `POST /staff/fund/calls`: 201.
#[utoipa::path(
    post, path = "/staff/fund/calls", operation_id = "create_fund_call", tag = "staff",
    summary = "Open a year's call: title, budget (yuan as typed), days it takes applications, days of public notice (district admins; audited)",
    security(("cookieAuth" = [])),
    request_body = CallInput,
    responses(
        (status = 201, description = "Added", body = FundCall),
        (status = 400, description = concat!(says!(bad_field), " (`year` with a call already too); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn create_call(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    Body(input): Body<CallInput>,
) -> Result<(StatusCode, Json<FundCall>), ApiError> {
    let call = cc_services::staff::save_fund_call(auth.store(), &actor, None, &input).await?;
    Ok((StatusCode::CREATED, Json(call)))
}

/// `PUT /staff/fund/calls/{id}`.
#[utoipa::path(
    put, path = "/staff/fund/calls/{id}", operation_id = "update_fund_call", tag = "staff",
    summary = "Change a call (district admins; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The call's id", minimum = 1)),
    request_body = CallInput,
    responses(
        (status = 200, description = "Changed", body = FundCall),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such call", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn update_call(
    State(auth): State<StaffAuth>,
    PathId(id): PathId<FundCallId>,
    StaffActor(actor): StaffActor,
    Body(input): Body<CallInput>,
) -> Result<Json<FundCall>, ApiError> {
    Ok(Json(cc_services::staff::save_fund_call(auth.store(), &actor, Some(id), &input).await?))
}
