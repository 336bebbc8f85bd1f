//! `GET /staff/audit`: the audit log for district admins, newest first, filtered and paged.

use axum::extract::{RawQuery, State};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::query::decode_pairs;
use cc_domain::time::local;
use cc_domain::{ParamError, ParamProblem};
use cc_store::staff::{AuditFilter, AuditRecord};
use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, ErrorBody};
use super::staff::StaffActor;

/// Lines per page.
const PAGE: i64 = 100;

/// The audit log's filters, read by [`filter`].
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // read by the document only
pub struct AuditParams {
    /// Only this staff member's lines.
    username: Option<String>,
    /// Only this action, e.g. `check_in`, `create_item`, `publish`.
    action: Option<String>,
    /// `1` (or `true`, `on`): only refused attempts.
    refused: Option<String>,
    /// `next_before` of the previous page.
    #[param(minimum = 1)]
    before: Option<i64>,
}

/// One page of the log.
#[derive(Serialize, ToSchema)]
pub struct AuditPage {
    entries: Vec<AuditLine>,
    /// Pass as `before` for the next page; `null` on the last.
    next_before: Option<i64>,
}

/// One staff write or refusal.
#[derive(Serialize, ToSchema)]
pub struct AuditLine {
    id: i64,
    at: DateTime<FixedOffset>,
    username: Option<String>,
    role: String,
    action: String,
    object_type: String,
    object_id: Option<i64>,
    /// The object before the change, as JSON text.
    before: Option<String>,
    /// The object after the change, as JSON text.
    after: Option<String>,
    /// Where the request came from.
    client: String,
    /// An attempt outside the staff member's role or scope.
    refused: bool,
}

impl From<AuditRecord> for AuditLine {
    fn from(r: AuditRecord) -> Self {
        AuditLine {
            id: r.id,
            at: local(r.at),
            username: r.username,
            role: r.entry.role,
            action: r.entry.action,
            object_type: r.entry.object_type,
            object_id: r.entry.object_id,
            before: r.entry.before,
            after: r.entry.after,
            client: r.entry.client,
            refused: r.entry.refused,
        }
    }
}

/// The filter a query string asks for; a repeated parameter keeps its last value.
fn filter(qs: &str) -> Result<AuditFilter, ParamError> {
    let mut filter = AuditFilter::default();
    for (key, value) in decode_pairs(qs) {
        let value = value.trim();
        match key.as_str() {
            "username" => filter.username = (!value.is_empty()).then(|| value.to_string()),
            "action" => filter.action = (!value.is_empty()).then(|| value.to_string()),
            "refused" => filter.refused_only = matches!(value, "1" | "true" | "on"),
            "before" if value.is_empty() => filter.before_id = None,
            "before" => {
                let id = value.parse::<i64>().ok().filter(|id| *id > 0);
                let problem = ParamProblem::NotAPositiveNumber;
                filter.before_id = Some(id.ok_or(ParamError { param: "before".into(), problem })?);
            }
            _ => {}
        }
    }
    Ok(filter)
}

/// The log: `username`, `action`, `refused=1` filter; `before` pages back. District admins only.
#[utoipa::path(
    get, path = "/staff/audit", operation_id = "list_audit", tag = "staff",
    summary = "The audit log (district admins): every staff write and refusal, newest first, 100 a page",
    security(("cookieAuth" = [])),
    params(AuditParams),
    responses(
        (status = 200, description = "One page of the log", body = AuditPage),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), ": not a district admin"), body = ErrorBody),
    )
)]
pub async fn list(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    RawQuery(qs): RawQuery,
) -> Result<Json<AuditPage>, ApiError> {
    let filter = filter(qs.as_deref().unwrap_or(""))?;
    let records = cc_services::staff::read_audit(auth.store(), &actor, &filter, PAGE).await?;
    let next_before = (records.len() as i64 == PAGE).then(|| records.last().map(|r| r.id)).flatten();
    Ok(Json(AuditPage { entries: records.into_iter().map(AuditLine::from).collect(), next_before }))
}
