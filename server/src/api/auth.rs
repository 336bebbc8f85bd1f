//! `POST /api/v1/auth/{code,register,login,logout}` and `GET /api/v1/me`.

use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_auth::{log_in, log_out, ResidentAuth};
use cc_domain::account::mask_phone;
use cc_domain::time::local;
use cc_store::Store;
use http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::json;
use tower_sessions::Session;

use super::error::{respond, ApiError};
use super::resident::{json_body, ClientAddress, Resident};

#[derive(Deserialize)]
struct CodeRequest {
    phone: String,
}

#[derive(Deserialize)]
struct RegisterRequest {
    phone: String,
    code: String,
    password: String,
}

#[derive(Deserialize)]
struct LoginRequest {
    phone: String,
    password: String,
}

/// Sends a verification code by SMS: 202, the code is on its way.
pub async fn send_code(
    State(auth): State<ResidentAuth>,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let result = async {
        let request: CodeRequest = json_body(&body)?;
        auth.accounts.send_code(&request.phone, &client).await?;
        Ok(StatusCode::ACCEPTED)
    };
    respond(&headers, result.await)
}

/// Creates an account with a verified number and logs it in: 201 with the account.
pub async fn register(
    State(auth): State<ResidentAuth>,
    session: Session,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let result = async {
        let request: RegisterRequest = json_body(&body)?;
        let id = auth.accounts.register(&request.phone, &request.code, &request.password).await?;
        log_in(&session, id).await?;
        Ok((StatusCode::CREATED, me_json(auth.accounts.store(), id).await?))
    };
    respond(&headers, result.await)
}

/// Logs in: 200 with the account; 401 `wrong_credentials` for an unknown number or wrong password alike.
pub async fn login(
    State(auth): State<ResidentAuth>,
    ClientAddress(client): ClientAddress,
    session: Session,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let result = async {
        let request: LoginRequest = json_body(&body)?;
        let id = auth.accounts.login(&request.phone, &request.password, &client).await?;
        log_in(&session, id).await?;
        me_json(auth.accounts.store(), id).await
    };
    respond(&headers, result.await)
}

/// Logs out: 204, also when nobody was logged in.
pub async fn logout(session: Session, headers: HeaderMap) -> Response {
    let result = async {
        log_out(&session).await?;
        Ok(StatusCode::NO_CONTENT)
    };
    respond(&headers, result.await)
}

/// The logged-in resident: masked number and whether booking is paused.
pub async fn me(
    State(store): State<Store>,
    headers: HeaderMap,
    resident: Result<Resident, ApiError>,
) -> Response {
    let result = async { me_json(&store, resident?.0).await };
    respond(&headers, result.await)
}

async fn me_json(store: &Store, id: i64) -> Result<impl IntoResponse, ApiError> {
    let resident = store.resident(id).await?.ok_or(ApiError::Unauthenticated)?;
    let paused_until = store.booking_paused_until(id).await?.map(local);
    Ok(Json(json!({
        "id": resident.id,
        "phone": mask_phone(&resident.phone),
        "booking_paused_until": paused_until,
    })))
}
