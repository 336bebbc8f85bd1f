//! `POST /api/v1/auth/{code,register,login,logout}` and `GET /api/v1/me`.

use axum::extract::State;
use axum::response::IntoResponse;
use axum::Json;
use cc_auth::{log_in, log_out, ResidentAuth};
use cc_domain::ids::ResidentId;
use cc_domain::time::local;
use cc_services::residents;
use cc_store::Store;
use http::StatusCode;
use serde::Deserialize;
use serde_json::json;
use tower_sessions::Session;

use super::error::ApiError;
use super::resident::{Body, ClientAddress, Resident};

#[derive(Deserialize)]
pub struct CodeRequest {
    phone: String,
}

#[derive(Deserialize)]
pub struct RegisterRequest {
    phone: String,
    code: String,
    password: String,
}

#[derive(Deserialize)]
pub struct LoginRequest {
    phone: String,
    password: String,
}

/// Sends a verification code by SMS: 202, the code is on its way.
pub async fn send_code(
    State(auth): State<ResidentAuth>,
    ClientAddress(client): ClientAddress,
    Body(request): Body<CodeRequest>,
) -> Result<StatusCode, ApiError> {
    auth.accounts.send_code(&request.phone, &client).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Creates an account with a verified number and logs it in: 201 with the account.
pub async fn register(
    State(auth): State<ResidentAuth>,
    session: Session,
    Body(request): Body<RegisterRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let id = auth.accounts.register(&request.phone, &request.code, &request.password).await?;
    log_in(&session, id).await?;
    Ok((StatusCode::CREATED, me_json(auth.accounts.store(), ResidentId(id)).await?))
}

/// Logs in: 200 with the account; 401 `wrong_credentials` for an unknown number or wrong password alike.
pub async fn login(
    State(auth): State<ResidentAuth>,
    ClientAddress(client): ClientAddress,
    session: Session,
    Body(request): Body<LoginRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let id = auth.accounts.login(&request.phone, &request.password, &client).await?;
    log_in(&session, id).await?;
    me_json(auth.accounts.store(), ResidentId(id)).await
}

/// Logs out: 204, also when nobody was logged in.
pub async fn logout(session: Session) -> Result<StatusCode, ApiError> {
    log_out(&session).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The logged-in resident: masked number and whether booking is paused.
pub async fn me(
    State(store): State<Store>,
    Resident(resident): Resident,
) -> Result<impl IntoResponse, ApiError> {
    me_json(&store, resident).await
}

async fn me_json(store: &Store, id: ResidentId) -> Result<impl IntoResponse, ApiError> {
    let me = residents::who_am_i(store, id).await?.ok_or(ApiError::Unauthenticated)?;
    Ok(Json(json!({
        "id": me.id,
        "phone": me.phone,
        "booking_paused_until": me.booking_paused_until.map(local),
    })))
}
