//! Staff endpoints: `POST /staff/login` (and `/staff/login/code` for the second factor),
//! `POST /staff/logout`, `GET /staff/me`, setting up a second factor, and door
//! check-in, `POST /staff/sessions/{id}/checkins` (the rules and the audit are in `cc-services`).

use axum::extract::{FromRef, FromRequestParts, State};
use axum::Json;
use cc_auth::{current_staff, log_out_staff, StaffAuth, StaffLoginStep};
use cc_domain::booking::BookingStatus;
use cc_domain::ids::{BookingId, SessionId, StaffId};
use cc_domain::staff::{Role, StaffScope};
use cc_domain::ticket::TicketSigner;
use cc_services::staff::Actor;
use cc_store::staff::StaffMember;
use http::request::Parts;
use http::StatusCode;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
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

/// A staff member and their scope.
#[derive(Serialize, ToSchema)]
pub struct StaffAccount {
    id: i64,
    username: String,
    display_name: String,
    role: Role,
    /// The street of a street admin or of a facility manager's facilities.
    street_id: Option<i64>,
    /// A facility manager's facilities.
    facility_ids: Vec<i64>,
}

impl StaffAccount {
    fn of(member: &StaffMember) -> Self {
        let StaffScope { role, street_id, facility_ids } = &member.scope;
        StaffAccount {
            id: member.id,
            username: member.username.clone(),
            display_name: member.display_name.clone(),
            role: *role,
            street_id: *street_id,
            facility_ids: facility_ids.clone(),
        }
    }
}

/// Where a staff login stands.
#[derive(Serialize, ToSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum LoginStep {
    /// Logged in.
    LoggedIn {
        #[serde(flatten)]
        account: StaffAccount,
        /// Shown once, when this code confirmed a new authenticator.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        recovery_codes: Vec<String>,
    },
    /// The account uses a second factor: `POST /staff/login/code` next.
    CodeRequired,
    /// The account must set up an authenticator first: scan the URI, then `POST /staff/login/code`.
    Enrol { secret: String, otpauth_uri: String },
}

/// A new authenticator to scan.
#[derive(Serialize, ToSchema)]
pub struct Enrolment {
    secret: String,
    /// An `otpauth://` URI, for a QR code.
    otpauth_uri: String,
}

/// Recovery codes, shown once.
#[derive(Serialize, ToSchema)]
pub struct RecoveryCodes {
    recovery_codes: Vec<String>,
}

/// A ticket holder let in.
#[derive(Serialize, ToSchema)]
pub struct CheckedIn {
    booking_id: BookingId,
    /// Always `attended`.
    status: BookingStatus,
    /// Who was let in: the holder's mobile number, masked.
    #[schema(example = "138****5678")]
    holder: String,
}

/// What was created.
#[derive(Serialize, ToSchema)]
pub struct Created {
    id: i64,
}

/// A staff login.
#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    username: String,
    password: String,
}

/// Logs a staff member in with a password: 200 `{"status":"logged_in", …account}`, or — when
/// the account uses a second factor — `{"status":"code_required"}`, or, when it must set one up
/// first, `{"status":"enrol","secret","otpauth_uri"}`; then `POST /staff/login/code`.
#[utoipa::path(
    post, path = "/staff/login", operation_id = "staff_log_in", tag = "staff",
    summary = "Staff log in (username, password of at least 12 characters)",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in, or the second factor is asked for or must be set up", body = LoginStep),
        (status = 400, description = says!(bad_request), body = ErrorBody),
        (status = 401, description = "`wrong_credentials`", body = ErrorBody),
        (status = 403, description = concat!("`account_disabled`; ", says!(cross_site)), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
        (status = 429, description = "`too_many_attempts`: 5 failures lock the account for 15 minutes", body = ErrorBody),
        (status = 503, description = "`busy`: too many logins at once; try again in a moment", body = ErrorBody),
    )
)]
pub async fn login(
    State(auth): State<StaffAuth>,
    ClientAddress(client): ClientAddress,
    session: Session,
    Body(request): Body<LoginRequest>,
) -> Result<Json<LoginStep>, ApiError> {
    let step = auth.login(&session, &request.username, &request.password, &client).await?;
    Ok(Json(match step {
        StaffLoginStep::LoggedIn(member) => {
            LoginStep::LoggedIn { account: StaffAccount::of(&member), recovery_codes: Vec::new() }
        }
        StaffLoginStep::CodeNeeded => LoginStep::CodeRequired,
        StaffLoginStep::EnrolNeeded(enrolment) => {
            LoginStep::Enrol { secret: enrolment.secret, otpauth_uri: enrolment.uri }
        }
    }))
}

/// A code from the authenticator app.
#[derive(Deserialize, ToSchema)]
pub struct CodeRequest {
    /// Six digits from the authenticator app, or a recovery code.
    code: String,
}

/// The second step of a login: 200 with the account (and `recovery_codes`, shown once, when
/// this code confirmed a new authenticator); 401 `wrong_second_factor`, or
/// `second_factor_expired` after five minutes; 429 after too many attempts.
#[utoipa::path(
    post, path = "/staff/login/code", operation_id = "staff_log_in_code", tag = "staff",
    summary = "The second step of a staff login: a code from the authenticator app or a recovery code",
    request_body = CodeRequest,
    responses(
        (status = 200, description = "Logged in (with `recovery_codes`, shown once, when this code confirmed a new authenticator)", body = LoginStep),
        (status = 400, description = says!(bad_request), body = ErrorBody),
        (status = 401, description = "`wrong_second_factor`, or `second_factor_expired` five minutes after the password step (or without one)", body = ErrorBody),
        (status = 403, description = concat!("`account_disabled`; ", says!(cross_site)), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
        (status = 429, description = "`too_many_attempts`", body = ErrorBody),
    )
)]
pub async fn login_code(
    State(auth): State<StaffAuth>,
    ClientAddress(client): ClientAddress,
    session: Session,
    Body(request): Body<CodeRequest>,
) -> Result<Json<LoginStep>, ApiError> {
    let done = auth.finish_login(&session, &request.code, &client).await?;
    Ok(Json(LoginStep::LoggedIn {
        account: StaffAccount::of(&done.member),
        recovery_codes: done.recovery_codes,
    }))
}

/// `POST /staff/second-factor`: starts setting up an authenticator for the logged-in member:
/// 200 `{"secret","otpauth_uri"}`; 409 when one is set up already.
#[utoipa::path(
    post, path = "/staff/second-factor", operation_id = "begin_second_factor", tag = "staff",
    summary = "Start setting up an authenticator for the logged-in staff member",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "The secret and its otpauth:// URI (for a QR code)", body = Enrolment),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 409, description = "`already_set_up`", body = ErrorBody),
    )
)]
pub async fn begin_second_factor(
    State(auth): State<StaffAuth>,
    Staff(member): Staff,
) -> Result<Json<Enrolment>, ApiError> {
    if auth.second_factor_status(&member).await?.0 {
        return Err(ApiError::Conflict(
            StatusCode::CONFLICT,
            "already_set_up",
            "已经设置了动态验证码。",
            "A second factor is already set up.",
        ));
    }
    let enrolment = auth.begin_enrolment(&member).await?;
    Ok(Json(Enrolment { secret: enrolment.secret, otpauth_uri: enrolment.uri }))
}

/// `POST /staff/second-factor/confirm` `{"code"}`: the first code confirms it: 200
/// `{"recovery_codes"}`.
#[utoipa::path(
    post, path = "/staff/second-factor/confirm", operation_id = "confirm_second_factor", tag = "staff",
    summary = "Confirm a new authenticator with its first code",
    security(("cookieAuth" = [])),
    request_body = CodeRequest,
    responses(
        (status = 200, description = "Recovery codes, shown once", body = RecoveryCodes),
        (status = 400, description = says!(bad_request), body = ErrorBody),
        (status = 401, description = concat!("`wrong_second_factor`, or `second_factor_expired` when no set-up was started; ", says!(unauthenticated)), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
        (status = 429, description = "`too_many_attempts`", body = ErrorBody),
    )
)]
pub async fn confirm_second_factor(
    State(auth): State<StaffAuth>,
    ClientAddress(client): ClientAddress,
    Staff(member): Staff,
    Body(request): Body<CodeRequest>,
) -> Result<Json<RecoveryCodes>, ApiError> {
    let recovery_codes = auth.confirm_enrolment(&member, &request.code, &client).await?;
    Ok(Json(RecoveryCodes { recovery_codes }))
}

/// Ends the staff session: 204.
#[utoipa::path(
    post, path = "/staff/logout", operation_id = "staff_log_out", tag = "staff",
    summary = "End the staff session",
    responses(
        (status = 204, description = "Logged out"),
        (status = 403, description = says!(cross_site), body = ErrorBody),
    )
)]
pub async fn logout(session: Session) -> Result<StatusCode, ApiError> {
    log_out_staff(&session).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The logged-in staff member.
#[utoipa::path(
    get, path = "/staff/me", operation_id = "get_staff_me", tag = "staff",
    summary = "The logged-in staff member (sessions end after 30 minutes unused, 12 hours at most, or at once when the account is disabled)",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "The staff member and their scope", body = StaffAccount),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
    )
)]
pub async fn me(Staff(member): Staff) -> Json<StaffAccount> {
    Json(StaffAccount::of(&member))
}

/// A ticket shown at the door.
#[derive(Deserialize, ToSchema)]
pub struct CheckInRequest {
    /// The scanned token (`CC1.…`) or the 12-character code read out by the resident.
    ticket: String,
}

/// Lets a ticket holder in: 200 checked in; 409 `already_checked_in`, `other_session`,
/// `no_place`; 404 `unknown_ticket`; 400 `invalid_ticket` for a forged or damaged token; 403
/// outside the staff member's facilities.
#[utoipa::path(
    post, path = "/staff/sessions/{id}/checkins", operation_id = "check_in", tag = "staff",
    summary = "Let a ticket holder in at the door: the scanned token or the typed 12-character code",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The session's id", minimum = 1)),
    request_body = CheckInRequest,
    responses(
        (status = 200, description = "Checked in", body = CheckedIn),
        (status = 400, description = concat!("`invalid_ticket`: the signature does not verify (forged or damaged); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such session; `unknown_ticket`: no booking has this code", body = ErrorBody),
        (status = 409, description = "`already_checked_in` (single use), `other_session`, `no_place` (cancelled or waitlisted), `too_early` (check-in has not opened; the message says when), `session_over` (the session has ended)", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn check_in(
    State(auth): State<StaffAuth>,
    State(signer): State<TicketSigner>,
    ClientAddress(client): ClientAddress,
    PathId(session): PathId<SessionId>,
    Staff(member): Staff,
    Body(request): Body<CheckInRequest>,
) -> Result<Json<CheckedIn>, ApiError> {
    let actor = Actor { member, client };
    let done = cc_services::staff::check_in(auth.store(), &signer, &actor, session, &request.ticket).await?;
    Ok(Json(CheckedIn { booking_id: BookingId(done.booking_id), status: BookingStatus::Attended, holder: done.holder }))
}

/// `POST /staff/accounts`: a staff account inside the caller's scope; 201.
#[utoipa::path(
    post, path = "/staff/accounts", operation_id = "create_staff_account", tag = "staff",
    summary = "Create a staff account inside the caller's scope (district admins: any; street admins: facility managers of their street's facilities)",
    security(("cookieAuth" = [])),
    request_body = cc_services::staff::NewAccount,
    responses(
        (status = 201, description = "Created", body = Created),
        (status = 400, description = concat!("`password_too_short`, `password_too_common`; ", says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 409, description = "`username_taken`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn create_account(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    Body(body): Body<cc_services::staff::NewAccount>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let id = cc_services::staff::create_staff(&auth, &actor, body).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// `POST /staff/accounts/{id}/disable`: the account's sessions end at their next request; 204.
#[utoipa::path(
    post, path = "/staff/accounts/{id}/disable", operation_id = "disable_staff_account", tag = "staff",
    summary = "Disable a staff account inside the caller's scope; its sessions end at their next request",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The staff account's id", minimum = 1)),
    responses(
        (status = 204, description = "Disabled"),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), " (also for oneself); ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such account", body = ErrorBody),
    )
)]
pub async fn disable_account(
    State(auth): State<StaffAuth>,
    PathId(id): PathId<StaffId>,
    StaffActor(actor): StaffActor,
) -> Result<StatusCode, ApiError> {
    cc_services::staff::disable_staff(&auth, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
