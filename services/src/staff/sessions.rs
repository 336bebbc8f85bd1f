//! Changing a session after it was created: capacity, booking window, waitlist.

use cc_domain::session_change::SessionChange;
use cc_domain::workflow::sessions_changeable;
use cc_store::Store;
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;
use cc_domain::ids::SessionId;

/// Applies `change` to a session of an item the actor may write (not an archived one). A new
/// capacity goes through [`super::set_capacity`] (never below the places held); the window and
/// the waitlist switch are checked against the session's start. Audited with before and after.
pub async fn change_session(
    store: &Store,
    actor: &Actor,
    SessionId(session_id): SessionId,
    change: SessionChange,
) -> Result<(), ServiceError> {
    if change.is_empty() {
        return Err(ServiceError::refused(
            400,
            "nothing_to_change",
            "没有要修改的内容。",
            "Nothing to change: send capacity, booking_opens_at, booking_closes_at or waitlist.",
        ));
    }
    let place = store.session_place(SessionId(session_id)).await?.ok_or(ServiceError::NotFound("session"))?;
    let item = store.session_item(SessionId(session_id)).await?.ok_or(ServiceError::NotFound("session"))?;
    let wrote_it = item.created_by == Some(actor.member.id);
    if !actor.member.scope.can_author_at(place, wrote_it)
        || !sessions_changeable(item.status, actor.member.scope.role)
    {
        return refuse(store, actor.audit("change_session", "session", Some(session_id))).await;
    }
    let (starts_at, before) =
        store.booking_settings(SessionId(session_id)).await?.ok_or(ServiceError::NotFound("session"))?;
    // Check everything before writing anything, so a bad window leaves the capacity alone too.
    let after = change.apply(before, starts_at).map_err(ServiceError::Field)?;
    if let Some(capacity) = change.capacity {
        super::set_capacity(store, actor, SessionId(session_id), capacity).await?;
    }
    if after != before {
        store.set_booking_settings(SessionId(session_id), after).await?;
        let mut entry = actor.audit("change_session", "session", Some(session_id));
        entry.before = Some(json!(before).to_string());
        entry.after = Some(json!(after).to_string());
        store.append_audit(&entry).await?;
    }
    Ok(())
}
