//! Staff writing the catalogue: `POST /staff/items` (a draft), `POST /staff/items/{id}/sessions`
//! and `POST /staff/items/{id}/transitions` (submit, publish, return, archive), editing items,
//! sessions, facility records and standards. The rules — scope per object, the workflow, the
//! audit log — are in `cc-services`; these only translate.

use axum::extract::{Path, State};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::authoring::{ItemInput, SessionInput};
use cc_domain::compliance::Compliance;
use cc_domain::ids::{FacilityId, ItemId};
use cc_domain::workflow::{Action, ItemStatus};
use http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, PathId};
use super::staff::StaffActor;

/// An item and where it now is in the workflow.
#[derive(Serialize, ToSchema)]
pub struct ItemState {
    id: i64,
    status: ItemStatus,
}

/// Sessions added to an item.
#[derive(Serialize, ToSchema)]
pub struct SessionsAdded {
    /// The first session (the one typed in).
    id: i64,
    /// Every session added: the first and its weekly repetitions.
    ids: Vec<i64>,
    item_id: i64,
}

/// A move through the workflow.
#[derive(Deserialize, ToSchema)]
pub struct TransitionRequest {
    /// `submit` (authors), `publish` or `return` (reviewers, district admins), `archive`.
    #[schema(pattern = "^(submit|publish|return|archive)$")]
    action: String,
    /// Required to return an item: what to change.
    #[serde(default)]
    comment: String,
}

/// A facility's compliance after its record changed.
#[derive(Serialize, ToSchema)]
pub struct FacilityChanged {
    id: i64,
    compliance: Option<Compliance>,
}

/// An item as the console edits it.
#[derive(Serialize, ToSchema)]
pub struct StaffItemAnswer {
    #[serde(flatten)]
    text: ItemInput,
    id: i64,
    status: ItemStatus,
    /// The reviewer's comment when the item was returned.
    review_comment: Option<String>,
    /// Where its picture is served (`/media/…`), when it has one.
    image: Option<String>,
    /// Whether this staff member may change it now.
    editable: bool,
}

/// An item's fields as stored after an edit.
#[derive(Serialize, ToSchema)]
pub struct ItemFields {
    #[serde(flatten)]
    text: ItemInput,
    id: i64,
}

/// `POST /staff/items`: a new draft at a facility in the staff member's scope; 201.
#[utoipa::path(
    post, path = "/staff/items", operation_id = "create_item", tag = "staff",
    summary = "Create a draft service item at a facility in the staff member's scope",
    security(("cookieAuth" = [])),
    request_body = ItemInput,
    responses(
        (status = 201, description = "The draft", body = ItemState),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn create(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    Body(body): Body<ItemInput>,
) -> Result<(StatusCode, Json<ItemState>), ApiError> {
    let id = cc_services::staff::create_item(auth.store(), &actor, body).await?;
    Ok((StatusCode::CREATED, Json(ItemState { id, status: ItemStatus::Draft })))
}

/// `POST /staff/items/{id}/sessions`: a session for an item the staff member may edit; 201.
#[utoipa::path(
    post, path = "/staff/items/{id}/sessions", operation_id = "add_sessions", tag = "staff",
    summary = "Add a session (and its weekly repetitions) to a draft or returned item (published items: district admins)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The item's id", minimum = 1)),
    request_body = SessionInput,
    responses(
        (status = 201, description = "The sessions added", body = SessionsAdded),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), ", or the item is under review or archived; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such item", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn add_session(
    State(auth): State<StaffAuth>,
    PathId(item): PathId<ItemId>,
    StaffActor(actor): StaffActor,
    Body(body): Body<SessionInput>,
) -> Result<(StatusCode, Json<SessionsAdded>), ApiError> {
    let ids = cc_services::staff::add_session(auth.store(), &actor, item, body).await?;
    Ok((StatusCode::CREATED, Json(SessionsAdded { id: ids[0], ids, item_id: item.0 })))
}

/// `POST /staff/items/{id}/transitions`: 200 with the new status; 403 outside scope or role;
/// 409 `invalid_transition`; 422 `comment_required`.
#[utoipa::path(
    post, path = "/staff/items/{id}/transitions", operation_id = "move_item", tag = "staff",
    summary = "Move an item through the workflow: submit (authors), publish or return with a comment (reviewers, district admins), archive",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The item's id", minimum = 1)),
    request_body = TransitionRequest,
    responses(
        (status = 200, description = "The item's new status", body = ItemState),
        (status = 400, description = concat!(says!(bad_request), " (or an unknown action)"), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such item", body = ErrorBody),
        (status = 409, description = "`invalid_transition` from the item's status, or `changed` by someone else meanwhile", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
        (status = 422, description = "`comment_required` to return an item", body = ErrorBody),
    )
)]
pub async fn move_item(
    State(auth): State<StaffAuth>,
    PathId(item): PathId<ItemId>,
    StaffActor(actor): StaffActor,
    Body(request): Body<TransitionRequest>,
) -> Result<Json<ItemState>, ApiError> {
    let action = Action::parse(&request.action).ok_or_else(|| {
        ApiError::BadBody(format!("unknown action `{}`: submit, publish, return or archive", request.action))
    })?;
    let status = cc_services::staff::move_item(auth.store(), &actor, item, action, &request.comment).await?;
    Ok(Json(ItemState { id: item.0, status }))
}

/// `PATCH /staff/facilities/{id}`: area, opening hours, free opening, position (`lat,lng`).
#[utoipa::path(
    patch, path = "/staff/facilities/{id}", operation_id = "change_facility", tag = "staff",
    summary = "Correct a facility's record: area, weekly opening hours, free opening, position (district, its street's admin, its managers)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The facility's id", minimum = 1)),
    request_body = cc_services::staff::FacilityInput,
    responses(
        (status = 200, description = "The facility's compliance after the change", body = FacilityChanged),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such facility", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn change_facility(
    State(auth): State<StaffAuth>,
    PathId(id): PathId<FacilityId>,
    StaffActor(actor): StaffActor,
    Body(body): Body<cc_services::staff::FacilityInput>,
) -> Result<Json<FacilityChanged>, ApiError> {
    cc_services::staff::update_facility(auth.store(), &actor, id, body).await?;
    let profile = auth.store().facility_profile(id, cc_domain::time::now()).await?;
    Ok(Json(FacilityChanged { id: id.0, compliance: profile.map(|p| p.compliance) }))
}

/// `PUT /staff/standards/{level}`: a level's standard (district admins).
#[utoipa::path(
    put, path = "/staff/standards/{level}", operation_id = "change_standard", tag = "staff",
    summary = "Set a level's standard (district admins); compliance and coverage follow at once",
    security(("cookieAuth" = [])),
    params(("level" = String, Path, description = "`district`, `street` or `community`", pattern = "^(district|street|community)$")),
    request_body = cc_services::staff::StandardInput,
    responses(
        (status = 204, description = "Set"),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such level", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn change_standard(
    State(auth): State<StaffAuth>,
    Path(level): Path<String>,
    StaffActor(actor): StaffActor,
    Body(body): Body<cc_services::staff::StandardInput>,
) -> Result<StatusCode, ApiError> {
    cc_services::staff::update_standard(auth.store(), &actor, &level, body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /staff/items/{id}`: an item's fields, status and picture, for staff who see it.
#[utoipa::path(
    get, path = "/staff/items/{id}", operation_id = "get_staff_item", tag = "staff",
    summary = "An item's fields, status, picture and whether the staff member may edit it now",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The item's id", minimum = 1)),
    responses(
        (status = 200, description = "The item", body = StaffItemAnswer),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
        (status = 404, description = "`not_found`: no such item", body = ErrorBody),
    )
)]
pub async fn show_item(
    State(auth): State<StaffAuth>,
    PathId(item): PathId<ItemId>,
    StaffActor(actor): StaffActor,
) -> Result<Json<StaffItemAnswer>, ApiError> {
    let found = cc_services::staff::item_for_edit(auth.store(), &actor, item).await?;
    Ok(Json(StaffItemAnswer {
        text: found.text,
        id: found.item.id,
        status: found.item.status,
        review_comment: found.item.review_comment,
        image: found.image,
        editable: found.may_edit,
    }))
}

/// `PATCH /staff/items/{id}`: new fields for an item the staff member may edit now; 200 with
/// the fields as stored.
#[utoipa::path(
    patch, path = "/staff/items/{id}", operation_id = "edit_item", tag = "staff",
    summary = "Rewrite an item's fields: drafts and returned items by those who may write them, published items by district admins (residents see the change at once)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The item's id", minimum = 1)),
    request_body = ItemInput,
    responses(
        (status = 200, description = "The item's fields as stored", body = ItemFields),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), ", not editable in its status by this role, or moved to a facility outside scope; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such item", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn edit_item(
    State(auth): State<StaffAuth>,
    PathId(item): PathId<ItemId>,
    StaffActor(actor): StaffActor,
    Body(body): Body<ItemInput>,
) -> Result<Json<ItemFields>, ApiError> {
    cc_services::staff::edit_item(auth.store(), &actor, item, body).await?;
    let text = auth.store().item_text(item).await?.ok_or(ApiError::NotFound("item"))?;
    Ok(Json(ItemFields { text, id: item.0 }))
}
