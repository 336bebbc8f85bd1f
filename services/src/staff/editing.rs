//! Changing an item after it was written: its text and its picture.

use cc_domain::authoring::{FieldError, ItemInput};
use cc_domain::image::{Image, ImageProblem};
use cc_domain::staff::Place;
use cc_domain::workflow::editable;
use cc_store::{StaffItem, Store, StoreError};
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;
use cc_domain::ids::{FacilityId, ItemId};

/// May the actor change this item now? Refusals are audited.
async fn may_edit(store: &Store, actor: &Actor, item: &StaffItem, action: &str) -> Result<(), ServiceError> {
    let wrote_it = item.created_by == Some(actor.member.id);
    if !actor.member.scope.can_author_at(item.place, wrote_it)
        || !editable(item.status, actor.member.scope.role)
    {
        return refuse(store, actor.audit(action, "item", Some(item.id))).await;
    }
    Ok(())
}

async fn staff_item(store: &Store, id: i64) -> Result<StaffItem, ServiceError> {
    store.staff_item(ItemId(id)).await?.ok_or(ServiceError::NotFound("item"))
}

/// Rewrites an item's fields. Drafts and returned items by those who may write them; a
/// published item by district admins only (residents see the change at once). Moving it to
/// another facility needs the right to write there too.
pub async fn edit_item(
    store: &Store,
    actor: &Actor,
    ItemId(item_id): ItemId,
    input: ItemInput,
) -> Result<(), ServiceError> {
    let item = staff_item(store, item_id).await?;
    may_edit(store, actor, &item, "edit_item").await?;
    let input = input.parse().map_err(ServiceError::Field)?;
    let before = store.item_text(ItemId(item.id)).await?.ok_or(ServiceError::NotFound("item"))?;
    if input.facility_id != before.facility_id {
        let street_id =
            store.facility_place(FacilityId(input.facility_id)).await?.map(|p| p.street_id).ok_or(
                ServiceError::Field(FieldError {
                    field: "facility_id",
                    zh: "没有这个场馆",
                    en: "no such facility",
                }),
            )?;
        let wrote_it = item.created_by == Some(actor.member.id);
        if !actor.member.scope.can_author_at(Place { facility_id: input.facility_id, street_id }, wrote_it) {
            return refuse(store, actor.audit("edit_item", "item", Some(item.id))).await;
        }
    }
    match store.update_item_text(ItemId(item.id), &input).await {
        Ok(()) => {}
        Err(StoreError::Missing { kind, .. }) => {
            let field = if kind == "category" { "category" } else { "audience" };
            return Err(ServiceError::Field(FieldError {
                field, zh: "没有这个选项", en: "no such choice"
            }));
        }
        Err(e) => return Err(e.into()),
    }
    let mut entry = actor.audit("edit_item", "item", Some(item.id));
    entry.before = Some(serde_json::to_string(&before).unwrap_or_default());
    entry.after = Some(serde_json::to_string(&input).unwrap_or_default());
    store.append_audit(&entry).await?;
    Ok(())
}

/// Sets an item's picture from uploaded bytes: JPEG or PNG only, at most 5 MB, metadata removed.
/// Returns the path it is served at.
pub async fn set_item_image(
    store: &Store,
    actor: &Actor,
    ItemId(item_id): ItemId,
    bytes: &[u8],
) -> Result<String, ServiceError> {
    let item = staff_item(store, item_id).await?;
    may_edit(store, actor, &item, "set_image").await?;
    let image = Image::parse(bytes).map_err(|problem| {
        let status = if problem == ImageProblem::TooLarge { 413 } else { 422 };
        ServiceError::refused(status, problem.code(), problem.zh(), problem.to_string())
    })?;
    let before = store.item_image_path(ItemId(item.id)).await?;
    let path = store.set_item_image(ItemId(item.id), &image, actor.member.id).await?;
    let mut entry = actor.audit("set_image", "item", Some(item.id));
    entry.before = Some(json!({ "image": before }).to_string());
    entry.after = Some(
        json!({ "image": path, "type": image.kind.content_type(), "width": image.width,
                "height": image.height, "bytes": image.bytes.len() })
        .to_string(),
    );
    store.append_audit(&entry).await?;
    Ok(path)
}

/// An item as its edit form shows it, for staff whose console lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct EditableItem {
    pub item: StaffItem,
    pub text: ItemInput,
    pub image: Option<String>,
    /// Whether the actor may change it now.
    pub may_edit: bool,
    /// Whether the actor may change its sessions now (capacity, window, time, place, cancel).
    pub may_change_sessions: bool,
}

/// Reads an item for its edit form; `Forbidden` (audited) outside the actor's sight.
pub async fn item_for_edit(
    store: &Store,
    actor: &Actor,
    ItemId(item_id): ItemId,
) -> Result<EditableItem, ServiceError> {
    let item = staff_item(store, item_id).await?;
    let wrote_it = item.created_by == Some(actor.member.id);
    if !actor.member.scope.sees(item.place, wrote_it) {
        return refuse(store, actor.audit("read_item", "item", Some(item.id))).await;
    }
    let text = store.item_text(ItemId(item.id)).await?.ok_or(ServiceError::NotFound("item"))?;
    let image = store.item_image_path(ItemId(item.id)).await?;
    let authors_here = actor.member.scope.can_author_at(item.place, wrote_it);
    let may_edit = authors_here && editable(item.status, actor.member.scope.role);
    let may_change_sessions =
        authors_here && cc_domain::workflow::sessions_changeable(item.status, actor.member.scope.role);
    Ok(EditableItem { item, text, image, may_edit, may_change_sessions })
}
