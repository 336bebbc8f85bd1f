//! What API handlers take from a request: the logged-in resident, a path's id, the client's
//! address, and a JSON body parsed into our error format.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRef, FromRequest, FromRequestParts, Path, Request};
use cc_auth::{client_address, current_resident, ResidentAuth};
use cc_domain::ids::{Id, ResidentId};
use http::request::Parts;
use serde::de::DeserializeOwned;
use tower_sessions::Session;

use super::error::ApiError;

/// The logged-in resident's id; a request without one is answered 401.
pub struct Resident(pub ResidentId);

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
            .map(|id| Resident(ResidentId(id)))
            .ok_or(ApiError::Unauthenticated)
    }
}

/// A path's `{id}` as the id of what it names. Anything but a positive whole number answers
/// 404, as an id that names nothing does: one status for a malformed id on every route.
pub struct PathId<T>(pub T);

impl<S: Send + Sync, T: Id + Send> FromRequestParts<S> for PathId<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(text) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::NotFound(T::NOUN))?;
        T::parse(&text).map(PathId).ok_or(ApiError::NotFound(T::NOUN))
    }
}

/// A path's two ids (`/{id}/…/{other_id}`), each read as [`PathId`] reads one.
pub struct PathIds<A, B>(pub A, pub B);

impl<S: Send + Sync, A: Id + Send, B: Id + Send> FromRequestParts<S> for PathIds<A, B> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path((a, b)) = Path::<(String, String)>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::NotFound(A::NOUN))?;
        let a = A::parse(&a).ok_or(ApiError::NotFound(A::NOUN))?;
        let b = B::parse(&b).ok_or(ApiError::NotFound(B::NOUN))?;
        Ok(PathIds(a, b))
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

/// A JSON body, parsed; what is wrong with it is answered in our error format (axum's own
/// `Json` rejection is plain text). The content type is not checked: clients send JSON.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(request, state).await.map_err(|e| match e.status() {
            http::StatusCode::PAYLOAD_TOO_LARGE => ApiError::Conflict(
                http::StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                "请求内容太大。",
                "The request body is too large.",
            ),
            _ => ApiError::BadBody(e.body_text()),
        })?;
        serde_json::from_slice(&bytes).map(Body).map_err(|e| ApiError::BadBody(e.to_string()))
    }
}
