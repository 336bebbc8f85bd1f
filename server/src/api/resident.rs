//! What API handlers take from a request beyond its path: the logged-in resident, the client's
//! address, and a JSON body parsed into our error format.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use cc_auth::{client_address, current_resident, ResidentAuth};
use http::request::Parts;
use serde::de::DeserializeOwned;
use tower_sessions::Session;

use super::error::ApiError;

/// The logged-in resident's id; a request without one is answered 401.
pub struct Resident(pub i64);

impl<S> FromRequestParts<S> for Resident
where
    ResidentAuth: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let auth = ResidentAuth::from_ref(state);
        current_resident(&session_of(parts, state).await?, auth.limits)
            .await?
            .map(Resident)
            .ok_or(ApiError::Unauthenticated)
    }
}

/// The request's login session (the session layer wraps every route).
pub async fn session_of<S: Send + Sync>(parts: &mut Parts, state: &S) -> Result<Session, ApiError> {
    Session::from_request_parts(parts, state)
        .await
        .map_err(|(_, e)| ApiError::Internal(anyhow::anyhow!("session layer missing: {e}")))
}

/// The client's address, as throttles count it.
pub struct ClientAddress(pub String);

impl<S> FromRequestParts<S> for ClientAddress
where
    ResidentAuth: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let trust = ResidentAuth::from_ref(state).trust_forwarded;
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
        Ok(ClientAddress(client_address(&parts.headers, peer, trust)))
    }
}

/// Parses a JSON body, naming what is wrong in our error format (axum's own rejection is plain text).
pub fn json_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| ApiError::BadBody(e.to_string()))
}
