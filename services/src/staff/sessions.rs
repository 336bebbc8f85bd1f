//! Changing a session after it was created: capacity, booking window, waitlist; moving it to
//! another time or place; cancelling it. Whoever is booked or waiting is told of a move or a
//! cancellation (by the store, in the same transaction); every change is audited.

use cc_domain::authoring::FieldError;
use cc_domain::ids::SessionId;
use cc_domain::session_change::SessionChange;
use cc_domain::time::now;
use cc_domain::workflow::sessions_changeable;
use cc_store::bookings::SessionChangeOutcome;
use cc_store::staff::AuditEntry;
use cc_store::Store;
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// The longest reason a cancellation can give (residents read it in an SMS too).
pub const REASON_MAX_CHARS: usize = 200;

/// Applies `change` to a session of an item the actor may write (not an archived one). A new
/// capacity goes through [`super::set_capacity`] (never below the places held); a move is
/// checked (a start in the future, before the end; one line of place), then the window and
/// the waitlist switch against the (new) start. Audited with before and after.
pub async fn change_session(
    store: &Store,
    actor: &Actor,
    session: SessionId,
    change: SessionChange,
) -> Result<(), ServiceError> {
    if change.is_empty() {
        return Err(ServiceError::refused(
            400,
            "nothing_to_change",
            "没有要修改的内容。",
            "Nothing to change: send capacity, booking_opens_at, booking_closes_at, waitlist, starts_at, ends_at or place.",
        ));
    }
    let mut entry = may_change(store, actor, session, "change_session").await?;
    let was = store.session_schedule(session).await?.ok_or(ServiceError::NotFound("session"))?;
    // Check everything before writing anything, so a bad window leaves the capacity alone too.
    let moved = change.schedule(&was, now()).map_err(ServiceError::Field)?;
    let (_, before) = store.booking_settings(session).await?.ok_or(ServiceError::NotFound("session"))?;
    let starts_at = moved.as_ref().map_or(was.starts_at, |to| to.starts_at);
    let window = before.moved(was.starts_at, starts_at, now());
    let after = change.apply(window, starts_at).map_err(ServiceError::Field)?;
    if let Some(capacity) = change.capacity {
        super::set_capacity(store, actor, session, capacity).await?;
    }
    if let Some(to) = &moved {
        match store.move_session(session, to, after).await? {
            SessionChangeOutcome::Done { told } => {
                entry.before = Some(json!({ "schedule": was, "window": before }).to_string());
                entry.after = Some(json!({ "schedule": to, "window": after, "told": told }).to_string());
                store.append_audit(&entry).await?;
            }
            SessionChangeOutcome::TooLate => return Err(too_late()),
            SessionChangeOutcome::UnknownSession => return Err(ServiceError::NotFound("session")),
        }
    }
    if after != before && moved.is_none() {
        store.set_booking_settings(session, after).await?;
        let mut entry = actor.audit("change_session", "session", Some(session.0));
        entry.before = Some(json!(before).to_string());
        entry.after = Some(json!(after).to_string());
        store.append_audit(&entry).await?;
    }
    Ok(())
}

/// Cancels a session that has not begun, for `reason` (required: residents are told it);
/// returns how many residents (booked or waiting) were told.
pub async fn cancel_session(store: &Store, actor: &Actor, session: SessionId, reason: &str) -> Result<usize, ServiceError> {
    let mut entry = may_change(store, actor, session, "cancel_session").await?;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > REASON_MAX_CHARS || reason.chars().any(char::is_control) {
        return Err(ServiceError::Field(FieldError {
            field: "reason",
            zh: "请写明取消原因（一行，不超过200个字），报名的居民会收到它",
            en: "give the reason (one line, at most 200 characters): residents who booked are told it",
        }));
    }
    match store.cancel_session(session, reason).await? {
        SessionChangeOutcome::Done { told } => {
            entry.after = Some(json!({ "reason": reason, "told": told }).to_string());
            store.append_audit(&entry).await?;
            Ok(told)
        }
        SessionChangeOutcome::TooLate => Err(too_late()),
        SessionChangeOutcome::UnknownSession => Err(ServiceError::NotFound("session")),
    }
}

/// The audit line of `action` when the actor may change this session; otherwise the refusal,
/// audited.
async fn may_change(store: &Store, actor: &Actor, session: SessionId, action: &str) -> Result<AuditEntry, ServiceError> {
    let place = store.session_place(session).await?.ok_or(ServiceError::NotFound("session"))?;
    let item = store.session_item(session).await?.ok_or(ServiceError::NotFound("session"))?;
    let entry = actor.audit(action, "session", Some(session.0));
    let wrote_it = item.created_by == Some(actor.member.id);
    if !actor.member.scope.can_author_at(place, wrote_it) || !sessions_changeable(item.status, actor.member.scope.role) {
        return refuse(store, entry).await;
    }
    Ok(entry)
}

fn too_late() -> ServiceError {
    ServiceError::refused(
        409,
        "too_late",
        "活动已开始或已取消，不能再修改。",
        "The session has begun or was cancelled: it can no longer change.",
    )
}
