//! `GET /healthz`: 200 when the database answers, 503 when it does not.

use axum::extract::State;
use axum::Json;
use cc_store::Store;
use http::StatusCode;
use serde_json::{json, Value};

/// Liveness and readiness in one: the server is up and its database answers.
pub async fn healthz(State(store): State<Store>) -> (StatusCode, Json<Value>) {
    match store.ping().await {
        Ok(()) => (StatusCode::OK, Json(json!({ "status": "ok" }))),
        Err(e) => {
            tracing::error!(error = %e, "health check: database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "unavailable" })))
        }
    }
}
