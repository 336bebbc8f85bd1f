//! The fund's review through the API: the criteria (anyone reads them; district admins replace
//! them), staff handing an application to experts and deciding its amount, and each expert's
//! declaration and scores. The rules are `cc_services`'; these extract, call and serialise.

use axum::extract::State;
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::fund::review::{Criterion, CriterionInput, DeclarationInput, ScoreInput};
use cc_domain::ids::{AttachmentId, FundApplicationId};
use cc_services::staff::expert::{self, Assignment};
use cc_services::staff::{AwardInput, ExpertsInput, ReviewBoard};
use cc_store::Store;
use http::StatusCode;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, PathId, PathIds};
use super::staff::StaffActor;

/// `GET /fund/criteria`.
#[utoipa::path(
    get, path = "/fund/criteria", operation_id = "list_fund_criteria", tag = "fund",
    summary = "The criteria experts score applications by, with their weights in percent (adding up to 100)",
    responses((status = 200, description = "Criteria", body = Vec<Criterion>))
)]
pub async fn criteria(State(store): State<Store>) -> Result<Json<Vec<Criterion>>, ApiError> {
    Ok(Json(store.fund_criteria().await.map_err(cc_services::ServiceError::from)?))
}

/// `PUT /staff/fund/criteria`: 204.
#[utoipa::path(
    put, path = "/staff/fund/criteria", operation_id = "replace_fund_criteria", tag = "staff",
    summary = "Replace the review criteria: 2 to 10, weights adding up to 100; scores already given keep theirs (district admins; audited)",
    security(("cookieAuth" = [])),
    request_body = Vec<CriterionInput>,
    responses(
        (status = 204, description = "Replaced"),
        (status = 400, description = concat!(says!(bad_field), " (`criteria`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn replace_criteria(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    Body(criteria): Body<Vec<CriterionInput>>,
) -> Result<StatusCode, ApiError> {
    cc_services::staff::replace_fund_criteria(auth.store(), &actor, &criteria).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /staff/fund/applications/{id}/reviews`.
#[utoipa::path(
    get, path = "/staff/fund/applications/{id}/reviews", operation_id = "fund_review_board", tag = "staff",
    summary = "An application with its experts' reviews and where they stand, and the expert accounts that may be assigned (district admins)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    responses(
        (status = 200, description = "The review board", body = ReviewBoard),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn board(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, PathId(id): PathId<FundApplicationId>) -> Result<Json<ReviewBoard>, ApiError> {
    Ok(Json(cc_services::staff::review_board(auth.store(), &actor, id).await?))
}

/// `POST /staff/fund/applications/{id}/review`.
#[utoipa::path(
    post, path = "/staff/fund/applications/{id}/review", operation_id = "start_fund_review", tag = "staff",
    summary = "Find a submitted application complete and hand it to at least three experts (district admins; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    request_body = ExpertsInput,
    responses(
        (status = 200, description = "In review", body = ReviewBoard),
        (status = 400, description = concat!(says!(bad_field), " (`experts`: fewer than three, or not active expert accounts); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`not_now`: it is not submitted", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn start(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<FundApplicationId>,
    Body(input): Body<ExpertsInput>,
) -> Result<Json<ReviewBoard>, ApiError> {
    Ok(Json(cc_services::staff::start_fund_review(auth.store(), &actor, id, &input).await?))
}

/// `POST /staff/fund/applications/{id}/experts`.
#[utoipa::path(
    post, path = "/staff/fund/applications/{id}/experts", operation_id = "add_fund_experts", tag = "staff",
    summary = "Add experts to an application in review, e.g. to replace one who stepped aside (district admins; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    request_body = ExpertsInput,
    responses(
        (status = 200, description = "Added", body = ReviewBoard),
        (status = 400, description = concat!(says!(bad_field), " (`experts`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`not_now`: not in review, or they are assigned already", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn add_experts(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<FundApplicationId>,
    Body(input): Body<ExpertsInput>,
) -> Result<Json<ReviewBoard>, ApiError> {
    Ok(Json(cc_services::staff::add_fund_experts(auth.store(), &actor, id, &input).await?))
}

/// `POST /staff/fund/applications/{id}/proposal`.
#[utoipa::path(
    post, path = "/staff/fund/applications/{id}/proposal", operation_id = "propose_fund_award", tag = "staff",
    summary = "The committee's amount for a reviewed application: at most the request, the category's cap and what is left of the call's budget, checked in one transaction (district admins; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    request_body = AwardInput,
    responses(
        (status = 200, description = "Proposed", body = ReviewBoard),
        (status = 400, description = concat!(says!(bad_field), " (`amount`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`reviews_pending`; `above_request`, `above_cap` or `above_budget`; `not_now`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn propose(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<FundApplicationId>,
    Body(input): Body<AwardInput>,
) -> Result<Json<ReviewBoard>, ApiError> {
    Ok(Json(cc_services::staff::propose_fund_award(auth.store(), &actor, id, &input).await?))
}

/// `GET /staff/fund/assignments`.
#[utoipa::path(
    get, path = "/staff/fund/assignments", operation_id = "my_fund_assignments", tag = "staff",
    summary = "The applications assigned to me, an expert: before my declaration only who applied and for what",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "Assignments", body = Vec<Assignment>),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
    )
)]
pub async fn assignments(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor) -> Result<Json<Vec<Assignment>>, ApiError> {
    Ok(Json(expert::assignments(auth.store(), &actor).await?))
}

/// `GET /staff/fund/assignments/{id}`.
#[utoipa::path(
    get, path = "/staff/fund/assignments/{id}", operation_id = "my_fund_assignment", tag = "staff",
    summary = "One application assigned to me: its content once I declared no conflict; others' scores only once every expert scored",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    responses(
        (status = 200, description = "The assignment", body = Assignment),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
        (status = 404, description = "`not_found`: not assigned to me", body = ErrorBody),
    )
)]
pub async fn assignment(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, PathId(id): PathId<FundApplicationId>) -> Result<Json<Assignment>, ApiError> {
    Ok(Json(expert::assignment(auth.store(), &actor, id).await?))
}

/// `POST /staff/fund/assignments/{id}/declaration`.
#[utoipa::path(
    post, path = "/staff/fund/assignments/{id}/declaration", operation_id = "declare_fund_conflict", tag = "staff",
    summary = "Declare whether I have a conflict of interest with the applicant, once; with one I step aside (audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    request_body = DeclarationInput,
    responses(
        (status = 200, description = "Declared", body = Assignment),
        (status = 400, description = concat!(says!(bad_field), " (`statement`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: not assigned to me", body = ErrorBody),
        (status = 409, description = "`declared`: once only", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn declare(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<FundApplicationId>,
    Body(input): Body<DeclarationInput>,
) -> Result<Json<Assignment>, ApiError> {
    Ok(Json(expert::declare(auth.store(), &actor, id, &input).await?))
}

/// `POST /staff/fund/assignments/{id}/score`.
#[utoipa::path(
    post, path = "/staff/fund/assignments/{id}/score", operation_id = "score_fund_application", tag = "staff",
    summary = "Score an application assigned to me on every criterion (0–100 each), once, after declaring no conflict (audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    request_body = ScoreInput,
    responses(
        (status = 200, description = "Scored", body = Assignment),
        (status = 400, description = concat!(says!(bad_field), " (`scores`, `comment`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: not assigned to me", body = ErrorBody),
        (status = 409, description = "`not_now`: not declared, stepped aside, scored already, or no longer in review", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn score(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<FundApplicationId>,
    Body(input): Body<ScoreInput>,
) -> Result<Json<Assignment>, ApiError> {
    Ok(Json(expert::score(auth.store(), &actor, id, &input).await?))
}

/// `GET /staff/fund/assignments/{id}/attachments/{attachment_id}`.
#[utoipa::path(
    get, path = "/staff/fund/assignments/{id}/attachments/{attachment_id}", operation_id = "expert_fund_attachment", tag = "staff",
    summary = "A file of an application assigned to me, as a download, once I declared no conflict",
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
) -> Result<axum::response::Response, ApiError> {
    Ok(super::fund_applications::send_file(expert::attachment(auth.store(), &actor, id, file).await?))
}
