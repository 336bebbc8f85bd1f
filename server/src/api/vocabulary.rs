//! The district's categories and audiences through the API: district admins list them with
//! what uses each, add one, put them in order, rename one or change its icon, delete an unused
//! one. The rules are `cc_services`'; these extract, call, serialise.

use axum::extract::{Path, State};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::vocabulary::{KeptTerm, Term, TermInput, Vocabulary};
use http::StatusCode;
use serde::Deserialize;
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::resident::Body;
use super::staff::StaffActor;

/// `categories` or `audiences` from the address; anything else is 404.
fn vocabulary(segment: &str) -> Result<Vocabulary, ApiError> {
    Vocabulary::parse(segment).ok_or(ApiError::NotFound("vocabulary"))
}

/// `GET /staff/terms/{vocabulary}`.
#[utoipa::path(
    get, path = "/staff/terms/{vocabulary}", operation_id = "staff_terms", tag = "staff",
    summary = "The categories or audiences in display order, with how many services (and residents' requests) use each: district admins",
    security(("cookieAuth" = [])),
    params(("vocabulary" = String, Path, description = "`categories` or `audiences`")),
    responses(
        (status = 200, description = "The terms", body = Vec<KeptTerm>),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn list(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, Path(segment): Path<String>) -> Result<Json<Vec<KeptTerm>>, ApiError> {
    Ok(Json(cc_services::staff::kept_terms(auth.store(), &actor, vocabulary(&segment)?).await?))
}

/// `POST /staff/terms/{vocabulary}`: 201.
#[utoipa::path(
    post, path = "/staff/terms/{vocabulary}", operation_id = "add_term", tag = "staff",
    summary = "Add a category or audience at the end of the list; the catalogue's filters offer it at once. District admins; audited",
    security(("cookieAuth" = [])),
    params(("vocabulary" = String, Path, description = "`categories` or `audiences`")),
    request_body = TermInput,
    responses(
        (status = 201, description = "Added", body = Term),
        (status = 400, description = concat!(says!(bad_field), " (`slug`, `name`, `name_en`, `icon`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`slug_taken`: another term has this slug", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn add(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    Path(segment): Path<String>,
    Body(input): Body<TermInput>,
) -> Result<(StatusCode, Json<Term>), ApiError> {
    let term = cc_services::staff::add_term(auth.store(), &actor, vocabulary(&segment)?, &input).await?;
    Ok((StatusCode::CREATED, Json(term)))
}

/// A new order.
#[derive(Deserialize, ToSchema)]
pub struct Order {
    /// Every slug of the list once, in the order wanted.
    slugs: Vec<String>,
}

/// `PUT /staff/terms/{vocabulary}`.
#[utoipa::path(
    put, path = "/staff/terms/{vocabulary}", operation_id = "order_terms", tag = "staff",
    summary = "Put the categories or audiences in a new order (every slug once). District admins; audited",
    security(("cookieAuth" = [])),
    params(("vocabulary" = String, Path, description = "`categories` or `audiences`")),
    request_body = Order,
    responses(
        (status = 200, description = "The list in its new order", body = Vec<Term>),
        (status = 400, description = concat!(says!(bad_field), " (`slugs`: a term missing, twice or unknown); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn order(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    Path(segment): Path<String>,
    Body(order): Body<Order>,
) -> Result<Json<Vec<Term>>, ApiError> {
    Ok(Json(cc_services::staff::order_terms(auth.store(), &actor, vocabulary(&segment)?, &order.slugs).await?))
}

/// `PUT /staff/terms/{vocabulary}/{slug}`.
#[utoipa::path(
    put, path = "/staff/terms/{vocabulary}/{slug}", operation_id = "change_term", tag = "staff",
    summary = "Rename a category or audience or change its icon (its slug stays: addresses hold it); services carrying it show and are found by the new names at once. District admins; audited",
    security(("cookieAuth" = [])),
    params(
        ("vocabulary" = String, Path, description = "`categories` or `audiences`"),
        ("slug" = String, Path, description = "The term's slug"),
    ),
    request_body = TermInput,
    responses(
        (status = 200, description = "Changed", body = Term),
        (status = 400, description = concat!(says!(bad_field), " (`name`, `name_en`, `icon`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn change(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    Path((segment, slug)): Path<(String, String)>,
    Body(input): Body<TermInput>,
) -> Result<Json<Term>, ApiError> {
    Ok(Json(cc_services::staff::change_term(auth.store(), &actor, vocabulary(&segment)?, &slug, &input).await?))
}

/// `DELETE /staff/terms/{vocabulary}/{slug}`: 204.
#[utoipa::path(
    delete, path = "/staff/terms/{vocabulary}/{slug}", operation_id = "delete_term", tag = "staff",
    summary = "Delete a category or audience that no service (and no resident's request) uses. District admins; audited",
    security(("cookieAuth" = [])),
    params(
        ("vocabulary" = String, Path, description = "`categories` or `audiences`"),
        ("slug" = String, Path, description = "The term's slug"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`in_use`: services or requests still carry it (rename it instead)", body = ErrorBody),
    )
)]
pub async fn delete(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, Path((segment, slug)): Path<(String, String)>) -> Result<StatusCode, ApiError> {
    cc_services::staff::delete_term(auth.store(), &actor, vocabulary(&segment)?, &slug).await?;
    Ok(StatusCode::NO_CONTENT)
}
