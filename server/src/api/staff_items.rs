//! Staff writing the catalogue: `POST /staff/items` (a draft), `POST /staff/items/{id}/sessions`
//! and `POST /staff/items/{id}/transitions` (submit, publish, return, archive). The rules —
//! scope per object, the workflow, the audit log — are in `cc-services`; these only translate.

use axum::extract::{Path, State};
use axum::response::IntoResponse;
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::authoring::{ItemInput, SessionInput};
use cc_domain::ids::{FacilityId, ItemId, SessionId};
use cc_domain::workflow::Action;
use http::StatusCode;
use serde::Deserialize;
use serde_json::json;

use super::error::ApiError;
use super::resident::{Body, PathId};
use super::staff::StaffActor;

/// `POST /staff/items`: a new draft at a facility in the staff member's scope; 201.
pub async fn create(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    Body(body): Body<ItemInput>,
) -> Result<impl IntoResponse, ApiError> {
    let id = cc_services::staff::create_item(auth.store(), &actor, body).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id, "status": "draft" }))).into_response())
}

/// `POST /staff/items/{id}/sessions`: a session for an item the staff member may edit; 201.
pub async fn add_session(
    State(auth): State<StaffAuth>,
    PathId(ItemId(item)): PathId<ItemId>,
    StaffActor(actor): StaffActor,
    Body(body): Body<SessionInput>,
) -> Result<impl IntoResponse, ApiError> {
    let ids = cc_services::staff::add_session(auth.store(), &actor, item, body).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": ids[0], "ids": ids, "item_id": item }))).into_response())
}

#[derive(Deserialize)]
pub struct TransitionRequest {
    action: String,
    #[serde(default)]
    comment: String,
}

/// `POST /staff/items/{id}/transitions`: 200 with the new status; 403 outside scope or role;
/// 409 `invalid_transition`; 422 `comment_required`.
pub async fn move_item(
    State(auth): State<StaffAuth>,
    PathId(ItemId(item)): PathId<ItemId>,
    StaffActor(actor): StaffActor,
    Body(request): Body<TransitionRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let action = Action::parse(&request.action).ok_or_else(|| {
        ApiError::BadBody(format!("unknown action `{}`: submit, publish, return or archive", request.action))
    })?;
    let status = cc_services::staff::move_item(auth.store(), &actor, item, action, &request.comment).await?;
    Ok(Json(json!({ "id": item, "status": status.as_str() })))
}

/// `PATCH /staff/sessions/{id}`: any of `capacity`, `booking_opens_at`, `booking_closes_at`,
/// `waitlist`. A capacity below the places held is 409 `below_held` with the numbers.
pub async fn change_session(
    State(auth): State<StaffAuth>,
    PathId(SessionId(session)): PathId<SessionId>,
    StaffActor(actor): StaffActor,
    Body(body): Body<cc_domain::session_change::SessionChange>,
) -> Result<impl IntoResponse, ApiError> {
    cc_services::staff::change_session(auth.store(), &actor, session, body).await?;
    let counts = auth.store().session_counts(SessionId(session)).await?.ok_or(ApiError::NotFound("session"))?;
    let (_, settings) = auth.store().booking_settings(session).await?.ok_or(ApiError::NotFound("session"))?;
    Ok(Json(json!({
        "id": session, "capacity": counts.capacity, "remaining": counts.remaining,
        "booking_opens_at": cc_domain::time::local(settings.opens_at),
        "booking_closes_at": cc_domain::time::local(settings.closes_at),
        "waitlist": settings.waitlist,
    })))
}

/// `PATCH /staff/facilities/{id}`: area, opening hours, free opening, position (`lat,lng`).
pub async fn change_facility(
    State(auth): State<StaffAuth>,
    PathId(FacilityId(id)): PathId<FacilityId>,
    StaffActor(actor): StaffActor,
    Body(body): Body<cc_services::staff::FacilityInput>,
) -> Result<impl IntoResponse, ApiError> {
    cc_services::staff::update_facility(auth.store(), &actor, id, body).await?;
    let profile = auth.store().facility_profile(id, cc_domain::time::now()).await?;
    Ok(Json(json!({ "id": id, "compliance": profile.map(|p| p.compliance) })))
}

/// `PUT /staff/standards/{level}`: a level's standard (district admins).
pub async fn change_standard(
    State(auth): State<StaffAuth>,
    Path(level): Path<String>,
    StaffActor(actor): StaffActor,
    Body(body): Body<cc_services::staff::StandardInput>,
) -> Result<impl IntoResponse, ApiError> {
    cc_services::staff::update_standard(auth.store(), &actor, &level, body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /staff/items/{id}`: an item's fields, status and picture, for staff who see it.
pub async fn show_item(
    State(auth): State<StaffAuth>,
    PathId(ItemId(item)): PathId<ItemId>,
    StaffActor(actor): StaffActor,
) -> Result<impl IntoResponse, ApiError> {
    let found = cc_services::staff::item_for_edit(auth.store(), &actor, item).await?;
    let mut body = serde_json::to_value(&found.text).unwrap_or_default();
    body["id"] = json!(found.item.id);
    body["status"] = json!(found.item.status.as_str());
    body["review_comment"] = json!(found.item.review_comment);
    body["image"] = json!(found.image);
    body["editable"] = json!(found.may_edit);
    Ok(Json(body))
}

/// `PATCH /staff/items/{id}`: new fields for an item the staff member may edit now; 200 with
/// the item as `GET` shows it.
pub async fn edit_item(
    State(auth): State<StaffAuth>,
    PathId(ItemId(item)): PathId<ItemId>,
    StaffActor(actor): StaffActor,
    Body(body): Body<ItemInput>,
) -> Result<impl IntoResponse, ApiError> {
    cc_services::staff::edit_item(auth.store(), &actor, item, body).await?;
    let text = auth.store().item_text(item).await?.ok_or(ApiError::NotFound("item"))?;
    let mut body = serde_json::to_value(&text).unwrap_or_default();
    body["id"] = json!(item);
    Ok(Json(body))
}
