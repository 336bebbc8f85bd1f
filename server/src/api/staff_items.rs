//! Staff writing the catalogue: `POST /staff/items` (a draft), `POST /staff/items/{id}/sessions`
//! and `POST /staff/items/{id}/transitions` (submit, publish, return, archive). The rules —
//! scope per object, the workflow, the audit log — are in `cc-services`; these only translate.

use axum::body::Bytes;
use axum::extract::{Path, State};
use cc_domain::ids::{FacilityId, ItemId, SessionId};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::authoring::{ItemInput, SessionInput};
use cc_domain::workflow::Action;
use http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::json;

use super::error::{respond, ApiError};
use super::resident::{json_body, PathId};
use super::staff::StaffActor;

/// `POST /staff/items`: a new draft at a facility in the staff member's scope; 201.
pub async fn create(
    State(auth): State<StaffAuth>,
    headers: HeaderMap,
    actor: Result<StaffActor, ApiError>,
    body: Bytes,
) -> Response {
    let result = async {
        let actor = actor?.0;
        let id = cc_services::staff::create_item(auth.store(), &actor, json_body::<ItemInput>(&body)?).await?;
        Ok((StatusCode::CREATED, Json(json!({ "id": id, "status": "draft" }))).into_response())
    };
    respond(&headers, result.await)
}

/// `POST /staff/items/{id}/sessions`: a session for an item the staff member may edit; 201.
pub async fn add_session(
    State(auth): State<StaffAuth>,
    headers: HeaderMap,
    PathId(ItemId(item)): PathId<ItemId>,
    actor: Result<StaffActor, ApiError>,
    body: Bytes,
) -> Response {
    let result = async {
        let actor = actor?.0;
        let ids =
            cc_services::staff::add_session(auth.store(), &actor, item, json_body::<SessionInput>(&body)?).await?;
        Ok((StatusCode::CREATED, Json(json!({ "id": ids[0], "ids": ids, "item_id": item }))).into_response())
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
    headers: HeaderMap,
    PathId(ItemId(item)): PathId<ItemId>,
    actor: Result<StaffActor, ApiError>,
    body: Bytes,
) -> Response {
    let result = async {
        let actor = actor?.0;
        let request: TransitionRequest = json_body(&body)?;
        let action = Action::parse(&request.action).ok_or_else(|| {
            ApiError::BadBody(format!(
                "unknown action `{}`: submit, publish, return or archive",
                request.action
            ))
        })?;
        let status = cc_services::staff::move_item(auth.store(), &actor, item, action, &request.comment).await?;
        Ok(Json(json!({ "id": item, "status": status.as_str() })))
    };
    respond(&headers, result.await)
}

/// `PATCH /staff/sessions/{id}`: any of `capacity`, `booking_opens_at`, `booking_closes_at`,
/// `waitlist`. A capacity below the places held is 409 `below_held` with the numbers.
pub async fn change_session(
    State(auth): State<StaffAuth>,
    headers: HeaderMap,
    PathId(SessionId(session)): PathId<SessionId>,
    actor: Result<StaffActor, ApiError>,
    body: Bytes,
) -> Response {
    let result = async {
        let actor = actor?.0;
        cc_services::staff::change_session(auth.store(), &actor, session, json_body(&body)?).await?;
        let counts = auth.store().session_counts(session).await?.ok_or(ApiError::NotFound("session"))?;
        let (_, settings) =
            auth.store().booking_settings(session).await?.ok_or(ApiError::NotFound("session"))?;
        Ok(Json(json!({
            "id": session, "capacity": counts.capacity, "remaining": counts.remaining,
            "booking_opens_at": cc_domain::time::local(settings.opens_at),
            "booking_closes_at": cc_domain::time::local(settings.closes_at),
            "waitlist": settings.waitlist,
        })))
    };
    respond(&headers, result.await)
}

/// `PATCH /staff/facilities/{id}`: area, opening hours, free opening, position (`lat,lng`).
pub async fn change_facility(
    State(auth): State<StaffAuth>,
    headers: HeaderMap,
    PathId(FacilityId(id)): PathId<FacilityId>,
    actor: Result<StaffActor, ApiError>,
    body: Bytes,
) -> Response {
    let result = async {
        let actor = actor?.0;
        cc_services::staff::update_facility(auth.store(), &actor, id, json_body(&body)?).await?;
        let profile = auth.store().facility_profile(id, cc_domain::time::now()).await?;
        Ok(Json(json!({ "id": id, "compliance": profile.map(|p| p.compliance) })))
    };
    respond(&headers, result.await)
}

/// `PUT /staff/standards/{level}`: a level's standard (district admins).
pub async fn change_standard(
    State(auth): State<StaffAuth>,
    headers: HeaderMap,
    Path(level): Path<String>,
    actor: Result<StaffActor, ApiError>,
    body: Bytes,
) -> Response {
    let result = async {
        let actor = actor?.0;
        cc_services::staff::update_standard(auth.store(), &actor, &level, json_body(&body)?).await?;
        Ok(StatusCode::NO_CONTENT)
    };
    respond(&headers, result.await)
}

/// `GET /staff/items/{id}`: an item's fields, status and picture, for staff who see it.
pub async fn show_item(
    State(auth): State<StaffAuth>,
    headers: HeaderMap,
    PathId(ItemId(item)): PathId<ItemId>,
    actor: Result<StaffActor, ApiError>,
) -> Response {
    let result = async {
        let actor = actor?.0;
        let found = cc_services::staff::item_for_edit(auth.store(), &actor, item).await?;
        let mut body = serde_json::to_value(&found.text).unwrap_or_default();
        body["id"] = json!(found.item.id);
        body["status"] = json!(found.item.status.as_str());
        body["review_comment"] = json!(found.item.review_comment);
        body["image"] = json!(found.image);
        body["editable"] = json!(found.may_edit);
        Ok(Json(body))
    };
    respond(&headers, result.await)
}

/// `PATCH /staff/items/{id}`: new fields for an item the staff member may edit now; 200 with
/// the item as `GET` shows it.
pub async fn edit_item(
    State(auth): State<StaffAuth>,
    headers: HeaderMap,
    PathId(ItemId(item)): PathId<ItemId>,
    actor: Result<StaffActor, ApiError>,
    body: Bytes,
) -> Response {
    let result = async {
        let actor = actor?.0;
        cc_services::staff::edit_item(auth.store(), &actor, item, json_body::<ItemInput>(&body)?).await?;
        let text = auth.store().item_text(item).await?.ok_or(ApiError::NotFound("item"))?;
        let mut body = serde_json::to_value(&text).unwrap_or_default();
        body["id"] = json!(item);
        Ok(Json(body))
    };
    respond(&headers, result.await)
}
