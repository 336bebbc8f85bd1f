//! Writing the catalogue: drafts, sessions, workflow moves.

use cc_domain::authoring::{FieldError, ItemInput, SessionInput};
use cc_domain::ids::SessionId;
use cc_domain::time::now;
use cc_domain::workflow::{editable, sessions_changeable, transition, Action, ItemStatus};
use cc_store::{StaffItem, Store, StoreError};
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;
use cc_domain::ids::{FacilityId, ItemId};

async fn item(store: &Store, id: i64) -> Result<StaffItem, ServiceError> {
    store.staff_item(ItemId(id)).await?.ok_or(ServiceError::NotFound("item"))
}

/// A new draft at a facility in the actor's scope; returns its id.
pub async fn create_item(store: &Store, actor: &Actor, input: ItemInput) -> Result<i64, ServiceError> {
    let input = input.parse().map_err(ServiceError::Field)?;
    let mut entry = actor.audit("create_item", "facility", Some(input.facility_id));
    let place = store.facility_place(FacilityId(input.facility_id)).await?.ok_or(ServiceError::Field(
        FieldError { field: "facility_id", zh: "没有这个场馆", en: "no such facility" },
    ))?;
    if !actor.member.scope.can_author_at(place, true) {
        return refuse(store, entry).await;
    }
    let id = match store.create_item_draft(&input, actor.member.id).await {
        Ok(id) => id,
        Err(StoreError::Missing { kind, .. }) => {
            let field = if kind == "category" { "category" } else { "audience" };
            return Err(ServiceError::Field(FieldError {
                field, zh: "没有这个选项", en: "no such choice"
            }));
        }
        Err(e) => return Err(e.into()),
    };
    entry.object_type = "item".into();
    entry.object_id = Some(id);
    entry.after = Some(serde_json::to_string(&input).unwrap_or_default());
    store.append_audit(&entry).await?;
    Ok(id)
}

/// A session (and its weekly repetitions) for an item the actor may edit; returns their ids.
pub async fn add_session(
    store: &Store,
    actor: &Actor,
    ItemId(item_id): ItemId,
    input: SessionInput,
) -> Result<Vec<i64>, ServiceError> {
    let item = item(store, item_id).await?;
    let mut entry = actor.audit("add_session", "item", Some(item.id));
    let wrote_it = item.created_by == Some(actor.member.id);
    if !actor.member.scope.can_author_at(item.place, wrote_it)
        || !editable(item.status, actor.member.scope.role)
    {
        return refuse(store, entry).await;
    }
    let input = input.parse(now()).map_err(ServiceError::Field)?;
    let mut ids = Vec::new();
    for occurrence in input.occurrences() {
        ids.push(store.add_session(ItemId(item.id), &occurrence).await?);
    }
    entry.after = Some(json!({ "session_ids": ids, "session": input }).to_string());
    store.append_audit(&entry).await?;
    Ok(ids)
}

/// Changes a session's capacity. Never below the places already held: the refusal says how
/// many are held. New places go to the waitlist first.
pub async fn set_capacity(
    store: &Store,
    actor: &Actor,
    SessionId(session_id): SessionId,
    capacity: i64,
) -> Result<(), ServiceError> {
    use cc_store::CapacityOutcome;
    let place = store.session_place(SessionId(session_id)).await?.ok_or(ServiceError::NotFound("session"))?;
    let item = store.session_item(SessionId(session_id)).await?.ok_or(ServiceError::NotFound("session"))?;
    let mut entry = actor.audit("set_capacity", "session", Some(session_id));
    let wrote_it = item.created_by == Some(actor.member.id);
    if !actor.member.scope.can_author_at(place, wrote_it)
        || !sessions_changeable(item.status, actor.member.scope.role)
    {
        return refuse(store, entry).await;
    }
    if !(0..=100_000).contains(&capacity) {
        return Err(ServiceError::Field(FieldError {
            field: "capacity",
            zh: "名额应在0到100000之间",
            en: "between 0 and 100,000",
        }));
    }
    let before = store.session_counts(SessionId(session_id)).await?.map(|c| c.capacity);
    match store.set_session_capacity(SessionId(session_id), capacity).await? {
        CapacityOutcome::Changed { promoted } => {
            entry.before = Some(json!({ "capacity": before }).to_string());
            entry.after =
                Some(json!({ "capacity": capacity, "promoted_from_waitlist": promoted }).to_string());
            store.append_audit(&entry).await?;
            Ok(())
        }
        CapacityOutcome::BelowHeld { held } => Err(ServiceError::refused(
            409,
            "below_held",
            format!("已有 {held} 个名额被预约，名额不能少于 {held}。"),
            format!("{held} places are already booked; the capacity cannot go below {held}."),
        )),
        CapacityOutcome::UnknownSession => Err(ServiceError::NotFound("session")),
    }
}

/// Moves an item through the workflow; returns its new status.
pub async fn move_item(
    store: &Store,
    actor: &Actor,
    ItemId(item_id): ItemId,
    action: Action,
    comment: &str,
) -> Result<ItemStatus, ServiceError> {
    let item = item(store, item_id).await?;
    let name = match action {
        Action::Submit => "submit",
        Action::Publish => "publish",
        Action::Return => "return",
        Action::Archive => "archive",
    };
    let mut entry = actor.audit(name, "item", Some(item.id));
    if !actor.member.scope.may_act_on(action, item.place, item.created_by == Some(actor.member.id)) {
        return refuse(store, entry).await;
    }
    let to = match transition(item.status, action, actor.member.scope.role, comment) {
        Ok(to) => to,
        Err(refusal) => {
            entry.refused = true;
            store.append_audit(&entry).await?;
            return Err(ServiceError::Workflow(refusal));
        }
    };
    let comment = (action == Action::Return).then_some(comment.trim());
    if !store.move_item(ItemId(item.id), item.status, to, comment).await? {
        return Err(ServiceError::refused(
            409,
            "changed",
            "这项服务刚被其他人修改，请刷新后再试。",
            "Someone else changed this item just now; reload and try again.",
        ));
    }
    entry.before = Some(json!({ "status": item.status.as_str() }).to_string());
    entry.after = Some(json!({ "status": to.as_str(), "comment": comment }).to_string());
    store.append_audit(&entry).await?;
    Ok(to)
}
