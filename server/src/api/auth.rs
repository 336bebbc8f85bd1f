//! `POST /api/v1/auth/{code,register,reset,login,logout}` and `GET /api/v1/me`.

use axum::extract::State;
use axum::Json;
use cc_auth::{log_in, log_out, ResidentAuth};
use cc_domain::ids::ResidentId;
use cc_domain::time::local;
use cc_services::residents;
use cc_store::Store;
use chrono::{DateTime, FixedOffset};
use http::StatusCode;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, ClientAddress, Resident};

/// Asks for a verification code.
#[derive(Deserialize, ToSchema)]
pub struct CodeRequest {
    /// Mainland mobile number; spaces, dashes and +86 are accepted too.
    #[schema(pattern = "^1[3-9][0-9]{9}$", example = "13812345678")]
    phone: String,
}

/// A number, the code sent to it and a new password: to register, or to reset a forgotten
/// password.
#[derive(Deserialize, ToSchema)]
pub struct CodedPassword {
    /// Mainland mobile number; spaces, dashes and +86 are accepted too.
    #[schema(pattern = "^1[3-9][0-9]{9}$", example = "13812345678")]
    phone: String,
    /// The six digits sent by SMS.
    #[schema(pattern = "^[0-9]{6}$")]
    code: String,
    /// 8 to 128 characters, not a common one.
    #[schema(min_length = 8, max_length = 128)]
    password: String,
}

/// A login.
#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    /// Mainland mobile number; spaces, dashes and +86 are accepted too.
    #[schema(pattern = "^1[3-9][0-9]{9}$", example = "13812345678")]
    phone: String,
    password: String,
}

/// The logged-in resident.
#[derive(Serialize, ToSchema)]
pub struct Me {
    id: ResidentId,
    /// Masked: 138****5678.
    phone: String,
    /// Set while the no-show rule pauses booking.
    booking_paused_until: Option<DateTime<FixedOffset>>,
    /// How many of the resident's messages are unread (`GET /me/messages` lists them).
    unread_messages: i64,
}

/// Sends a verification code by SMS: 202, the code is on its way.
#[utoipa::path(
    post, path = "/auth/code", operation_id = "send_code", tag = "accounts",
    summary = "Send a six-digit verification code by SMS",
    request_body = CodeRequest,
    responses(
        (status = 202, description = "The code is on its way (valid 10 minutes)"),
        (status = 400, description = concat!("`invalid_phone`; ", says!(bad_request)), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
        (status = 429, description = "`code_sent_recently`: one code per number per minute; `too_many_attempts`: five per number per day, 10 per client per hour", body = ErrorBody),
    )
)]
pub async fn send_code(
    State(auth): State<ResidentAuth>,
    ClientAddress(client): ClientAddress,
    Body(request): Body<CodeRequest>,
) -> Result<StatusCode, ApiError> {
    auth.accounts.send_code(&request.phone, &client).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Creates an account with a verified number and logs it in: 201 with the account.
#[utoipa::path(
    post, path = "/auth/register", operation_id = "register", tag = "accounts",
    summary = "Create a resident account and log in",
    request_body = CodedPassword,
    responses(
        (status = 201, description = "Registered and logged in; sets the `cc_session` cookie", body = Me),
        (status = 400, description = concat!("`invalid_phone`, `wrong_code`, `password_too_short`, `password_too_long`, `password_too_common`; ", says!(bad_request)), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 409, description = "`phone_taken`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
        (status = 429, description = "`too_many_attempts`: too many wrong codes for this number", body = ErrorBody),
        (status = 503, description = "`busy`: too many logins at once; try again in a moment", body = ErrorBody),
    )
)]
pub async fn register(
    State(auth): State<ResidentAuth>,
    session: Session,
    Body(request): Body<CodedPassword>,
) -> Result<(StatusCode, Json<Me>), ApiError> {
    let id = auth.accounts.register(&request.phone, &request.code, &request.password).await?;
    log_in(&session, id).await?;
    Ok((StatusCode::CREATED, me(auth.accounts.store(), ResidentId(id)).await?))
}

/// Resets a forgotten password with a code sent by SMS: 200, logged in here, logged out everywhere else.
#[utoipa::path(
    post, path = "/auth/reset", operation_id = "reset_password", tag = "accounts",
    summary = "Set a new password with a code sent by SMS",
    request_body = CodedPassword,
    responses(
        (status = 200, description = "The password is changed and every other login session of the account has ended; logged in under a new session id (sets the `cc_session` cookie)", body = Me),
        (status = 400, description = concat!("`invalid_phone`, `wrong_code`, `no_account` (register instead), `password_too_short`, `password_too_long`, `password_too_common`; ", says!(bad_request)), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
        (status = 429, description = "`too_many_attempts`: counted with logins, 5 per number or 30 per client in 15 minutes", body = ErrorBody),
        (status = 503, description = "`busy`: too many password checks at once; try again in a moment", body = ErrorBody),
    )
)]
pub async fn reset(
    State(auth): State<ResidentAuth>,
    ClientAddress(client): ClientAddress,
    session: Session,
    Body(request): Body<CodedPassword>,
) -> Result<Json<Me>, ApiError> {
    let id = auth.accounts.reset_password(&request.phone, &request.code, &request.password, &client).await?;
    log_in(&session, id).await?;
    me(auth.accounts.store(), ResidentId(id)).await
}

/// Logs in: 200 with the account; 401 `wrong_credentials` for an unknown number or wrong password alike.
#[utoipa::path(
    post, path = "/auth/login", operation_id = "log_in", tag = "accounts",
    summary = "Log in with number and password",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in under a new session id; sets the `cc_session` cookie", body = Me),
        (status = 400, description = concat!("`invalid_phone`; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = "`wrong_credentials` (the same for an unknown number and a wrong password)", body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
        (status = 429, description = "`too_many_attempts`: 5 failures per number or 30 per client in 15 minutes", body = ErrorBody),
        (status = 503, description = "`busy`: too many logins at once; try again in a moment", body = ErrorBody),
    )
)]
pub async fn login(
    State(auth): State<ResidentAuth>,
    ClientAddress(client): ClientAddress,
    session: Session,
    Body(request): Body<LoginRequest>,
) -> Result<Json<Me>, ApiError> {
    let id = auth.accounts.login(&request.phone, &request.password, &client).await?;
    log_in(&session, id).await?;
    me(auth.accounts.store(), ResidentId(id)).await
}

/// Logs out: 204, also when nobody was logged in.
#[utoipa::path(
    post, path = "/auth/logout", operation_id = "log_out", tag = "accounts",
    summary = "Log out",
    responses(
        (status = 204, description = "Logged out (also when nobody was)"),
        (status = 403, description = says!(cross_site), body = ErrorBody),
    )
)]
pub async fn logout(session: Session) -> Result<StatusCode, ApiError> {
    log_out(&session).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The logged-in resident: masked number and whether booking is paused.
#[utoipa::path(
    get, path = "/me", operation_id = "get_me", tag = "accounts",
    summary = "The logged-in resident",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "The resident", body = Me),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
    )
)]
pub async fn who_am_i(
    State(store): State<Store>,
    Resident(resident): Resident,
) -> Result<Json<Me>, ApiError> {
    me(&store, resident).await
}

async fn me(store: &Store, id: ResidentId) -> Result<Json<Me>, ApiError> {
    let me = residents::who_am_i(store, id).await?.ok_or(ApiError::Unauthenticated)?;
    Ok(Json(Me {
        id: me.id,
        phone: me.phone,
        booking_paused_until: me.booking_paused_until.map(local),
        unread_messages: me.unread_messages,
    }))
}
