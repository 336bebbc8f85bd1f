//! Staff writing the catalogue: `POST /staff/items` (a draft), `POST /staff/items/{id}/sessions`
//! and `POST /staff/items/{id}/transitions` (submit, publish, return, archive). Each checks the
//! staff member's scope for the object, and audits the write or the refusal.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::authoring::{FieldError, ItemInput, SessionInput};
use cc_domain::time::now;
use cc_domain::workflow::{editable, transition, Action};
use cc_store::staff::{AuditEntry, StaffMember};
use cc_store::{StaffItem, Store, StoreError};
use http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::json;

use super::error::{respond, ApiError};
use super::resident::{json_body, ClientAddress};
use super::staff::Staff;

fn audit(
    member: &StaffMember,
    client: &str,
    action: &str,
    object_type: &str,
    object_id: Option<i64>,
) -> AuditEntry {
    AuditEntry {
        staff_id: Some(member.id),
        role: member.scope.role.as_str().into(),
        action: action.into(),
        object_type: object_type.into(),
        object_id,
        client: client.into(),
        ..AuditEntry::default()
    }
}

/// Audits a refusal and answers 403.
async fn refuse(store: &Store, mut entry: AuditEntry) -> Result<Response, ApiError> {
    entry.refused = true;
    store.append_audit(&entry).await?;
    Err(ApiError::Forbidden)
}

fn invalid(error: FieldError) -> ApiError {
    ApiError::Field(error)
}

/// The item named in the path, or 404. Scope decides what staff may change, checked by the
/// caller for the action at hand.
async fn item(store: &Store, id: &str) -> Result<StaffItem, ApiError> {
    let id: i64 = id.parse().map_err(|_| ApiError::NotFound("item"))?;
    store.staff_item(id).await?.ok_or(ApiError::NotFound("item"))
}

/// `POST /staff/items`: a new draft at a facility in the staff member's scope; 201.
pub async fn create(
    State(auth): State<StaffAuth>,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    staff: Result<Staff, ApiError>,
    body: Bytes,
) -> Response {
    let result = async {
        let Staff(member) = staff?;
        let store = auth.store();
        let input = json_body::<ItemInput>(&body)?.parse().map_err(invalid)?;
        let mut entry = audit(&member, &client, "create_item", "facility", Some(input.facility_id));
        let place = store.facility_place(input.facility_id).await?.ok_or_else(|| {
            invalid(FieldError { field: "facility_id", zh: "没有这个场馆", en: "no such facility" })
        })?;
        if !member.scope.can_author_at(place, true) {
            return refuse(store, entry).await;
        }
        let id = match store.create_item_draft(&input, member.id).await {
            Ok(id) => id,
            Err(StoreError::Missing { kind, .. }) => {
                let field = if kind == "category" { "category" } else { "audience" };
                return Err(invalid(FieldError { field, zh: "没有这个选项", en: "no such choice" }));
            }
            Err(e) => return Err(e.into()),
        };
        entry.object_type = "item".into();
        entry.object_id = Some(id);
        entry.after = Some(serde_json::to_string(&input).unwrap_or_default());
        store.append_audit(&entry).await?;
        Ok((StatusCode::CREATED, Json(json!({ "id": id, "status": "draft" }))).into_response())
    };
    respond(&headers, result.await)
}

/// `POST /staff/items/{id}/sessions`: a session for an item the staff member may edit; 201.
pub async fn add_session(
    State(auth): State<StaffAuth>,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    Path(id): Path<String>,
    staff: Result<Staff, ApiError>,
    body: Bytes,
) -> Response {
    let result = async {
        let Staff(member) = staff?;
        let store = auth.store();
        let item = item(store, &id).await?;
        let mut entry = audit(&member, &client, "add_session", "item", Some(item.id));
        let wrote_it = item.created_by == Some(member.id);
        if !member.scope.can_author_at(item.place, wrote_it) || !editable(item.status, member.scope.role) {
            return refuse(store, entry).await;
        }
        let input = json_body::<SessionInput>(&body)?.parse(now()).map_err(invalid)?;
        let session = store.add_session(item.id, &input).await?;
        entry.after = Some(json!({ "session_id": session, "session": input }).to_string());
        store.append_audit(&entry).await?;
        Ok((StatusCode::CREATED, Json(json!({ "id": session, "item_id": item.id }))).into_response())
    };
    respond(&headers, result.await)
}

#[derive(Deserialize)]
struct TransitionRequest {
    action: String,
    #[serde(default)]
    comment: String,
}

/// `POST /staff/items/{id}/transitions`: 200 with the new status; 403 outside scope or role;
/// 409 `invalid_transition`; 422 `comment_required`.
pub async fn move_item(
    State(auth): State<StaffAuth>,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    Path(id): Path<String>,
    staff: Result<Staff, ApiError>,
    body: Bytes,
) -> Response {
    let result = async {
        let Staff(member) = staff?;
        let store = auth.store();
        let request: TransitionRequest = json_body(&body)?;
        let action = Action::parse(&request.action).ok_or_else(|| {
            ApiError::BadBody(format!(
                "unknown action `{}`: submit, publish, return or archive",
                request.action
            ))
        })?;
        let item = item(store, &id).await?;
        let mut entry = audit(&member, &client, &request.action, "item", Some(item.id));
        if !member.scope.may_act_on(action, item.place, item.created_by == Some(member.id)) {
            return refuse(store, entry).await;
        }
        let to = match transition(item.status, action, member.scope.role, &request.comment) {
            Ok(to) => to,
            Err(refusal) => {
                entry.refused = true;
                store.append_audit(&entry).await?;
                return Err(ApiError::Workflow(refusal));
            }
        };
        let comment = (action == Action::Return).then_some(request.comment.trim());
        if !store.move_item(item.id, item.status, to, comment).await? {
            return Err(ApiError::Conflict(
                StatusCode::CONFLICT,
                "changed",
                "这项服务刚被其他人修改，请刷新后再试。",
                "Someone else changed this item just now; reload and try again.",
            ));
        }
        entry.before = Some(json!({ "status": item.status.as_str() }).to_string());
        entry.after = Some(json!({ "status": to.as_str(), "comment": comment }).to_string());
        store.append_audit(&entry).await?;
        Ok(Json(json!({ "id": item.id, "status": to.as_str() })).into_response())
    };
    respond(&headers, result.await)
}
