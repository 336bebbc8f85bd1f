//! District staff and the applications sent to the heritage fund (`/staff/fund/applications…`):
//! read them and their files, and return one for completion. The rules are `cc_services`';
//! these extract, call and serialise.

use axum::extract::{RawQuery, State};
use axum::response::Response;
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::fund::FundApplication;
use cc_domain::ids::{AttachmentId, FundApplicationId, FundCallId};
use cc_domain::query::optional_id;
use cc_services::staff::ReturnInput;

use super::error::{ApiError, ErrorBody};
use super::fund_applications::send_file;
use super::resident::{Body, PathId, PathIds};
use super::staff::StaffActor;

/// `GET /staff/fund/applications?call=`.
#[utoipa::path(
    get, path = "/staff/fund/applications", operation_id = "list_fund_applications", tag = "staff",
    summary = "Applications units have sent to the heritage fund, the newest first (drafts are their units' own; district admins)",
    security(("cookieAuth" = [])),
    params(("call" = Option<i64>, Query, description = "Only this call's", minimum = 1)),
    responses(
        (status = 200, description = "Applications", body = Vec<FundApplication>),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
    )
)]
pub async fn applications(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    RawQuery(qs): RawQuery,
) -> Result<Json<Vec<FundApplication>>, ApiError> {
    let call = optional_id::<FundCallId>(qs.as_deref().unwrap_or(""), "call")?;
    Ok(Json(cc_services::staff::fund_applications(auth.store(), &actor, call).await?))
}

/// `GET /staff/fund/applications/{id}`.
#[utoipa::path(
    get, path = "/staff/fund/applications/{id}", operation_id = "show_fund_application", tag = "staff",
    summary = "One application sent to the heritage fund (district admins)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    responses(
        (status = 200, description = "The application", body = FundApplication),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
        (status = 404, description = "`not_found` (a draft is its unit's own)", body = ErrorBody),
    )
)]
pub async fn application(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<FundApplicationId>,
) -> Result<Json<FundApplication>, ApiError> {
    Ok(Json(cc_services::staff::fund_application(auth.store(), &actor, id).await?))
}

/// `POST /staff/fund/applications/{id}/return`.
#[utoipa::path(
    post, path = "/staff/fund/applications/{id}/return", operation_id = "return_fund_application", tag = "staff",
    summary = "Return a submitted application to its unit for completion, saying what to fix; the unit is told (district admins; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    request_body = ReturnInput,
    responses(
        (status = 200, description = "Returned", body = FundApplication),
        (status = 400, description = concat!(says!(bad_field), " (`reason`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`not_now`: it is not waiting for a check", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn return_application(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<FundApplicationId>,
    Body(input): Body<ReturnInput>,
) -> Result<Json<FundApplication>, ApiError> {
    Ok(Json(cc_services::staff::return_fund_application(auth.store(), &actor, id, &input).await?))
}

/// `GET /staff/fund/applications/{id}/attachments/{attachment_id}`.
#[utoipa::path(
    get, path = "/staff/fund/applications/{id}/attachments/{attachment_id}", operation_id = "download_fund_attachment", tag = "staff",
    summary = "A file of an application sent to the fund, as a download (district admins)",
    security(("cookieAuth" = [])),
    params(
        ("id" = i64, Path, description = "The application's id", minimum = 1),
        ("attachment_id" = i64, Path, description = "The file's id", minimum = 1),
    ),
    responses(
        (status = 200, description = "The file, with its type and name"),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn download(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathIds(id, file): PathIds<FundApplicationId, AttachmentId>,
) -> Result<Response, ApiError> {
    Ok(send_file(cc_services::staff::fund_attachment(auth.store(), &actor, id, file).await?))
}
