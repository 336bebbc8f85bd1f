//! Organisations: a resident registers the unit they are the contact of and follows it
//! (`/org`); district staff verify, reject, disable or enable units. The rules are
//! `cc_services`'; these extract, call and serialise.

use axum::extract::{RawQuery, State};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::ids::OrganisationId;
use cc_domain::organisation::{NewOrganisation, OrgStatus, Organisation};
use cc_services::residents::organisation;
use cc_services::staff::OrgDecision;
use cc_store::Store;
use http::StatusCode;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, PathId, Resident};
use super::staff::StaffActor;

/// `POST /org`: 201 with the unit, waiting for verification.
#[utoipa::path(
    post, path = "/org", operation_id = "register_organisation", tag = "organisations",
    summary = "Register the unit I am the contact of (my account's verified mobile number is its contact number); it waits for district staff",
    security(("cookieAuth" = [])),
    request_body = NewOrganisation,
    responses(
        (status = 201, description = "Registered, waiting for verification", body = Organisation),
        (status = 400, description = concat!(says!(bad_field), " (`name`, `credit_code` with its check digit, `kind`, `contact_name`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 409, description = "`code_taken`: a unit with this credit code is registered; `has_one`: I am the contact of a unit already", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn register(
    State(store): State<Store>,
    Resident(resident): Resident,
    Body(new): Body<NewOrganisation>,
) -> Result<(StatusCode, Json<Organisation>), ApiError> {
    Ok((StatusCode::CREATED, Json(organisation::register(&store, resident, &new).await?)))
}

/// `GET /org`: my unit.
#[utoipa::path(
    get, path = "/org", operation_id = "my_organisation", tag = "organisations",
    summary = "The unit I am the contact of, and where its verification stands",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "My unit", body = Organisation),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 404, description = "`not_found`: I have registered no unit", body = ErrorBody),
    )
)]
pub async fn mine(State(store): State<Store>, Resident(resident): Resident) -> Result<Json<Organisation>, ApiError> {
    Ok(Json(organisation::mine(&store, resident).await?))
}

/// `PUT /org`: the unit changed and back in line.
#[utoipa::path(
    put, path = "/org", operation_id = "resubmit_organisation", tag = "organisations",
    summary = "Change my unit's registration and resubmit it (while it waits, or after a rejection)",
    security(("cookieAuth" = [])),
    request_body = NewOrganisation,
    responses(
        (status = 200, description = "Resubmitted, waiting for verification", body = Organisation),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 404, description = "`not_found`: I have registered no unit", body = ErrorBody),
        (status = 409, description = "`code_taken`; `settled`: verified or disabled units are changed by staff only", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn resubmit(
    State(store): State<Store>,
    Resident(resident): Resident,
    Body(new): Body<NewOrganisation>,
) -> Result<Json<Organisation>, ApiError> {
    Ok(Json(organisation::resubmit(&store, resident, &new).await?))
}

/// `GET /staff/organisations`.
#[utoipa::path(
    get, path = "/staff/organisations", operation_id = "list_organisations", tag = "staff",
    summary = "Units to verify (waiting ones first) and every unit registered (district admins)",
    security(("cookieAuth" = [])),
    params(("status" = Option<String>, Query, description = "pending, verified, rejected or disabled; all when absent", pattern = "^(pending|verified|rejected|disabled)?$")),
    responses(
        (status = 200, description = "Units, contacts' numbers masked", body = Vec<Organisation>),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
    )
)]
pub async fn list(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    RawQuery(qs): RawQuery,
) -> Result<Json<Vec<Organisation>>, ApiError> {
    let status = OrgStatus::from_query_string(qs.as_deref().unwrap_or(""))?;
    Ok(Json(cc_services::staff::organisations(auth.store(), &actor, status).await?))
}

/// `POST /staff/organisations/{id}/decision`: the unit as it became.
#[utoipa::path(
    post, path = "/staff/organisations/{id}/decision", operation_id = "decide_organisation", tag = "staff",
    summary = "Verify a waiting unit or reject it with a reason; disable a verified one (with a reason) or enable it again; its contact is told (district admins; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The unit's id", minimum = 1)),
    request_body = OrgDecision,
    responses(
        (status = 200, description = "Decided", body = Organisation),
        (status = 400, description = concat!(says!(bad_field), " (`status`, `reason`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such unit", body = ErrorBody),
        (status = 409, description = "`not_now`: the unit's status does not allow it (e.g. rejecting a verified unit)", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn decide(
    State(auth): State<StaffAuth>,
    PathId(id): PathId<OrganisationId>,
    StaffActor(actor): StaffActor,
    Body(decision): Body<OrgDecision>,
) -> Result<Json<Organisation>, ApiError> {
    Ok(Json(cc_services::staff::decide_organisation(auth.store(), &actor, id, &decision).await?))
}
