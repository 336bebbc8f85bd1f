//! Staff endpoints: `POST /staff/login` (and `/staff/login/code` for the second factor),
//! `POST /staff/logout`, `GET /staff/me`, setting up a second factor, and door
//! check-in, `POST /staff/sessions/{id}/checkins` (the rules and the audit are in `cc-services`).

use axum::extract::{FromRef, FromRequestParts, State};
use axum::response::IntoResponse;
use axum::Json;
use cc_auth::{current_staff, log_out_staff, StaffAuth, StaffLoginStep};
use cc_domain::ids::{SessionId, StaffId};
use cc_domain::staff::StaffScope;
use cc_domain::ticket::TicketSigner;
use cc_services::staff::Actor;
use cc_store::staff::StaffMember;
use http::request::Parts;
use http::StatusCode;
use serde::Deserialize;
use serde_json::json;
use tower_sessions::Session;

use super::error::ApiError;
use super::resident::{session_of, Body, ClientAddress, PathId};

/// The logged-in staff member; a request without one is answered 401.
pub struct Staff(pub StaffMember);

impl<S> FromRequestParts<S> for Staff
where
    StaffAuth: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let auth = StaffAuth::from_ref(state);
        current_staff(&session_of(parts, state).await?, auth.store())
            .await?
            .map(Staff)
            .ok_or(ApiError::Unauthenticated)
    }
}

/// The logged-in staff member and where the request came from, as the console's actions take
/// them (the audit log records both); 401 without a staff login.
pub struct StaffActor(pub Actor);

impl<S> FromRequestParts<S> for StaffActor
where
    StaffAuth: FromRef<S>,
    cc_auth::ResidentAuth: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Staff(member) = Staff::from_request_parts(parts, state).await?;
        let Ok(ClientAddress(client)) = ClientAddress::from_request_parts(parts, state).await;
        Ok(StaffActor(Actor { member, client }))
    }
}

fn staff_json(member: &StaffMember) -> serde_json::Value {
    let StaffScope { role, street_id, facility_ids } = &member.scope;
    json!({
        "id": member.id,
        "username": member.username,
        "display_name": member.display_name,
        "role": role.as_str(),
        "street_id": street_id,
        "facility_ids": facility_ids,
    })
}

#[derive(Deserialize)]
pub struct LoginRequest {
    username: String,
    password: String,
}

/// Logs a staff member in with a password: 200 `{"status":"logged_in", …account}`, or — when
/// the account uses a second factor — `{"status":"code_required"}`, or, when it must set one up
/// first, `{"status":"enrol","secret","otpauth_uri"}`; then `POST /staff/login/code`.
pub async fn login(
    State(auth): State<StaffAuth>,
    ClientAddress(client): ClientAddress,
    session: Session,
    Body(request): Body<LoginRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let step = auth.login(&session, &request.username, &request.password, &client).await?;
    Ok(Json(match step {
        StaffLoginStep::LoggedIn(member) => with_status(staff_json(&member), "logged_in"),
        StaffLoginStep::CodeNeeded => json!({ "status": "code_required" }),
        StaffLoginStep::EnrolNeeded(enrolment) => json!({
            "status": "enrol",
            "secret": enrolment.secret,
            "otpauth_uri": enrolment.uri,
        }),
    }))
}

#[derive(Deserialize)]
pub struct CodeRequest {
    /// Six digits from the authenticator app, or a recovery code.
    code: String,
}

/// The second step of a login: 200 with the account (and `recovery_codes`, shown once, when
/// this code confirmed a new authenticator); 400 `wrong_second_factor`; 401
/// `second_factor_expired` after five minutes; 429 after too many attempts.
pub async fn login_code(
    State(auth): State<StaffAuth>,
    ClientAddress(client): ClientAddress,
    session: Session,
    Body(request): Body<CodeRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let done = auth.finish_login(&session, &request.code, &client).await?;
    let mut answer = with_status(staff_json(&done.member), "logged_in");
    if !done.recovery_codes.is_empty() {
        answer["recovery_codes"] = json!(done.recovery_codes);
    }
    Ok(Json(answer))
}

/// `POST /staff/second-factor`: starts setting up an authenticator for the logged-in member:
/// 200 `{"secret","otpauth_uri"}`; 409 when one is set up already.
pub async fn begin_second_factor(
    State(auth): State<StaffAuth>,
    Staff(member): Staff,
) -> Result<impl IntoResponse, ApiError> {
    if auth.second_factor_status(&member).await?.0 {
        return Err(ApiError::Conflict(
            StatusCode::CONFLICT,
            "already_set_up",
            "已经设置了动态验证码。",
            "A second factor is already set up.",
        ));
    }
    let enrolment = auth.begin_enrolment(&member).await?;
    Ok(Json(json!({ "secret": enrolment.secret, "otpauth_uri": enrolment.uri })))
}

/// `POST /staff/second-factor/confirm` `{"code"}`: the first code confirms it: 200
/// `{"recovery_codes"}`.
pub async fn confirm_second_factor(
    State(auth): State<StaffAuth>,
    ClientAddress(client): ClientAddress,
    Staff(member): Staff,
    Body(request): Body<CodeRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let codes = auth.confirm_enrolment(&member, &request.code, &client).await?;
    Ok(Json(json!({ "recovery_codes": codes })))
}

fn with_status(mut account: serde_json::Value, status: &str) -> serde_json::Value {
    account["status"] = json!(status);
    account
}

/// Ends the staff session: 204.
pub async fn logout(session: Session) -> Result<impl IntoResponse, ApiError> {
    log_out_staff(&session).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The logged-in staff member.
pub async fn me(Staff(member): Staff) -> Json<serde_json::Value> {
    Json(staff_json(&member))
}

#[derive(Deserialize)]
pub struct CheckInRequest {
    /// The scanned token (`CC1.…`) or the 12-character code read out by the resident.
    ticket: String,
}

/// Lets a ticket holder in: 200 checked in; 409 `already_checked_in`, `other_session`,
/// `no_place`; 404 `unknown_ticket`; 400 `invalid_ticket` for a forged or damaged token; 403
/// outside the staff member's facilities.
pub async fn check_in(
    State(auth): State<StaffAuth>,
    State(signer): State<TicketSigner>,
    ClientAddress(client): ClientAddress,
    PathId(SessionId(session)): PathId<SessionId>,
    Staff(member): Staff,
    Body(request): Body<CheckInRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let actor = Actor { member, client };
    let done = cc_services::staff::check_in(auth.store(), &signer, &actor, session, &request.ticket).await?;
    Ok(Json(json!({ "booking_id": done.booking_id, "status": "attended" })))
}

/// `POST /staff/accounts`: a staff account inside the caller's scope; 201.
pub async fn create_account(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    Body(body): Body<cc_services::staff::NewAccount>,
) -> Result<impl IntoResponse, ApiError> {
    let id = cc_services::staff::create_staff(&auth, &actor, body).await?;
    Ok((http::StatusCode::CREATED, Json(json!({ "id": id }))))
}

/// `POST /staff/accounts/{id}/disable`: the account's sessions end at their next request; 204.
pub async fn disable_account(
    State(auth): State<StaffAuth>,
    PathId(StaffId(id)): PathId<StaffId>,
    StaffActor(actor): StaffActor,
) -> Result<impl IntoResponse, ApiError> {
    cc_services::staff::disable_staff(&auth, &actor, id).await?;
    Ok(http::StatusCode::NO_CONTENT)
}
