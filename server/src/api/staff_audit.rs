//! `GET /staff/audit`: the audit log for district admins, newest first, filtered and paged.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::time::local;
use cc_store::staff::AuditFilter;
use serde::Deserialize;
use serde_json::json;

use super::error::ApiError;
use super::staff::StaffActor;

/// Lines per page.
const PAGE: i64 = 100;

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    username: Option<String>,
    action: Option<String>,
    #[serde(default)]
    refused: Option<String>,
    before: Option<i64>,
}

/// The log: `username`, `action`, `refused=1` filter; `before` pages back. District admins only.
pub async fn list(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    Query(query): Query<AuditQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let filter = AuditFilter {
        username: query.username.filter(|u| !u.is_empty()),
        action: query.action.filter(|a| !a.is_empty()),
        refused_only: matches!(query.refused.as_deref(), Some("1" | "true" | "on")),
        before_id: query.before,
    };
    let records = cc_services::staff::read_audit(auth.store(), &actor, &filter, PAGE).await?;
    let next = (records.len() as i64 == PAGE).then(|| records.last().map(|r| r.id)).flatten();
    let entries: Vec<_> = records
        .into_iter()
        .map(|r| {
            json!({
                "id": r.id,
                "at": local(r.at),
                "username": r.username,
                "role": r.entry.role,
                "action": r.entry.action,
                "object_type": r.entry.object_type,
                "object_id": r.entry.object_id,
                "before": r.entry.before,
                "after": r.entry.after,
                "client": r.entry.client,
                "refused": r.entry.refused,
            })
        })
        .collect();
    Ok(Json(json!({ "entries": entries, "next_before": next })))
}
