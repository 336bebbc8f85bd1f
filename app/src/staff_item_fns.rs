//! Server functions for a service's own console page: its fields, its picture, its sessions'
//! capacities. Every change goes through `cc-services`, exactly as the staff API does.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::staff_fns::SessionLine;
use cc_domain::ids::{ItemId, SessionId};

/// A service as its console page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServicePage {
    pub id: i64,
    pub status: String,
    pub review_comment: Option<String>,
    pub text: cc_domain::authoring::ItemInput,
    pub image: Option<String>,
    /// Whether this staff member may change it now.
    pub editable: bool,
    /// Whether they may change its sessions now (capacity, window, time, place, cancel).
    pub sessions_editable: bool,
    pub sessions: Vec<SessionLine>,
    /// Facilities it may be moved to: (id, name).
    pub facilities: Vec<(i64, String)>,
    pub categories: Vec<cc_domain::Named>,
    pub audiences: Vec<cc_domain::Named>,
}

/// A service for staff who see it.
#[server]
pub async fn load_service(item_id: i64) -> Result<ServicePage, AppError> {
    let actor = crate::staff_fns::context::actor().await?;
    let store = crate::staff_fns::context::staff_auth()?.store().clone();
    let found = cc_services::staff::item_for_edit(&store, &actor, ItemId(item_id)).await?;
    let scope = &actor.member.scope;
    let wrote_it = found.item.created_by == Some(actor.member.id);
    let facilities = store
        .facility_choices()
        .await?
        .into_iter()
        .filter(|f| f.id == found.text.facility_id || scope.can_author_at(f.place(), wrote_it))
        .map(|f| (f.id, f.name))
        .collect();
    let sessions =
        store.item_sessions(ItemId(item_id)).await?.into_iter().map(crate::staff_fns::session_line).collect();
    Ok(ServicePage {
        id: found.item.id,
        status: found.item.status.as_str().to_string(),
        review_comment: found.item.review_comment,
        text: found.text,
        image: found.image,
        editable: found.may_edit,
        sessions_editable: found.may_change_sessions,
        sessions,
        facilities,
        categories: cc_domain::vocabulary::names(store.categories().await?),
        audiences: cc_domain::vocabulary::names(store.audiences().await?),
    })
}

/// Saves a service's fields.
#[server]
#[allow(clippy::too_many_arguments)]
pub async fn save_service(
    item_id: i64,
    title: String,
    description: String,
    provider: String,
    category: String,
    audience: String,
    facility_id: i64,
    free: Option<String>,
    price_yuan: Option<String>,
) -> Result<(), AppError> {
    let free = free.is_some();
    let price_cents = match price_yuan.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(text) if !free => Some(yuan_to_fen(text).ok_or(cc_services::ServiceError::Field(
            cc_domain::authoring::FieldError {
                field: "price_cents",
                zh: "价格应为数字（元）",
                en: "a price in yuan",
            },
        ))?),
        _ => None,
    };
    let actor = crate::staff_fns::context::actor().await?;
    let store = crate::staff_fns::context::staff_auth()?.store().clone();
    let input = cc_domain::authoring::ItemInput {
        title,
        description,
        provider,
        category,
        audience,
        facility_id,
        free,
        price_cents,
    };
    Ok(cc_services::staff::edit_item(&store, &actor, ItemId(item_id), input).await?)
}

/// Changes a session's capacity (never below the places held), booking window (`datetime-local`
/// values; empty keeps it) and waitlist switch.
#[server]
pub async fn change_session_settings(
    session_id: i64,
    capacity: i64,
    waitlist: Option<String>,
    booking_opens_at: String,
    booking_closes_at: String,
) -> Result<(), AppError> {
    use crate::staff_fns::form_time;
    let actor = crate::staff_fns::context::actor().await?;
    let store = crate::staff_fns::context::staff_auth()?.store().clone();
    let when = |text: &str, field| match text.trim() {
        "" => Ok(None),
        text => form_time(text, field).map(Some),
    };
    let change = cc_domain::session_change::SessionChange {
        capacity: Some(capacity),
        booking_opens_at: when(&booking_opens_at, "booking_opens_at")?,
        booking_closes_at: when(&booking_closes_at, "booking_closes_at")?,
        waitlist: Some(waitlist.is_some()),
        ..Default::default()
    };
    Ok(cc_services::staff::change_session(&store, &actor, SessionId(session_id), change).await?)
}

/// Moves a session to `date` from `start` to `end` (district time) and `place` (empty: the
/// facility's address); everyone booked or waiting is told, and their tickets stay valid.
#[server]
pub async fn move_service_session(
    session_id: i64,
    date: String,
    start: String,
    end: String,
    place: String,
) -> Result<(), AppError> {
    use crate::staff_fns::form_time;
    let actor = crate::staff_fns::context::actor().await?;
    let store = crate::staff_fns::context::staff_auth()?.store().clone();
    let change = cc_domain::session_change::SessionChange {
        starts_at: Some(form_time(&format!("{date}T{start}"), "start")?),
        ends_at: Some(form_time(&format!("{date}T{end}"), "end")?),
        place: Some(place),
        ..Default::default()
    };
    Ok(cc_services::staff::change_session(&store, &actor, SessionId(session_id), change).await?)
}

/// Cancels a session for `reason`, which everyone booked or waiting is told; returns how many.
#[server]
pub async fn cancel_service_session(session_id: i64, reason: String) -> Result<usize, AppError> {
    let actor = crate::staff_fns::context::actor().await?;
    let store = crate::staff_fns::context::staff_auth()?.store().clone();
    Ok(cc_services::staff::cancel_session(&store, &actor, SessionId(session_id), &reason).await?)
}

/// Adds a session (and its weekly repetitions) to a service: on `date` from `start` to `end`,
/// bookable from now until `booking_closes_at` (empty: until it starts).
#[server]
#[allow(clippy::too_many_arguments)]
pub async fn add_service_session(
    item_id: i64,
    date: String,
    start: String,
    end: String,
    capacity: i64,
    waitlist: Option<String>,
    repeat_weeks: Option<u32>,
    booking_closes_at: String,
) -> Result<usize, AppError> {
    let actor = crate::staff_fns::context::actor().await?;
    let store = crate::staff_fns::context::staff_auth()?.store().clone();
    let input = crate::staff_fns::form_session(
        &date,
        &start,
        &end,
        capacity,
        waitlist.is_some(),
        repeat_weeks,
        &booking_closes_at,
    )?;
    Ok(cc_services::staff::add_session(&store, &actor, ItemId(item_id), input).await?.len())
}

/// "12.5" yuan as 1250 fen.
#[cfg(feature = "ssr")]
fn yuan_to_fen(text: &str) -> Option<i64> {
    let yuan: f64 = text.parse().ok().filter(|y: &f64| y.is_finite() && *y >= 0.0)?;
    Some((yuan * 100.0).round() as i64)
}
