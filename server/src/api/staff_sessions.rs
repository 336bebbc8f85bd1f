//! Staff change a session: its capacity, booking window and waitlist; its time and place; or
//! cancel it. Residents booked or waiting are told of a move or a cancellation. The rules are
//! `cc_services::staff`'s; these extract, call and serialise.

use axum::extract::State;
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::ids::SessionId;
use cc_domain::session_change::SessionChange;
use cc_domain::time::local;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, PathId};
use super::staff::StaffActor;

/// A session as it stands after a change.
#[derive(Serialize, ToSchema)]
pub struct SessionSettings {
    id: i64,
    capacity: i64,
    remaining: i64,
    booking_opens_at: DateTime<FixedOffset>,
    booking_closes_at: DateTime<FixedOffset>,
    waitlist: bool,
    starts_at: DateTime<FixedOffset>,
    ends_at: DateTime<FixedOffset>,
    /// Where, within or instead of the facility's address (absent: the facility's address).
    place: Option<String>,
}

/// Why a session is cancelled: residents who booked are told it.
#[derive(Deserialize, ToSchema)]
pub struct CancelRequest {
    #[schema(min_length = 1, max_length = 200)]
    reason: String,
}

/// How many residents (booked or waiting) were told of a cancellation.
#[derive(Serialize, ToSchema)]
pub struct Cancelled {
    id: i64,
    told: usize,
}

/// `PATCH /staff/sessions/{id}`: any of `capacity`, `booking_opens_at`, `booking_closes_at`,
/// `waitlist`, `starts_at`, `ends_at`, `place`. A capacity below the places held is 409
/// `below_held` with the numbers; a move tells everyone booked or waiting.
#[utoipa::path(
    patch, path = "/staff/sessions/{id}", operation_id = "change_session", tag = "staff",
    summary = "Change a session's capacity (new places go to the waitlist first), booking window, waitlist switch, time or place (residents booked or waiting are told of a move); absent fields stay",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The session's id", minimum = 1)),
    request_body = SessionChange,
    responses(
        (status = 200, description = "The session now", body = SessionSettings),
        (status = 400, description = concat!(says!(bad_field), "; `nothing_to_change` for an empty body; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such session", body = ErrorBody),
        (status = 409, description = "`below_held`: more places are booked than the new capacity (the message gives the number); `too_late`: the session has begun or was cancelled", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn change_session(
    State(auth): State<StaffAuth>,
    PathId(session): PathId<SessionId>,
    StaffActor(actor): StaffActor,
    Body(body): Body<SessionChange>,
) -> Result<Json<SessionSettings>, ApiError> {
    cc_services::staff::change_session(auth.store(), &actor, session, body).await?;
    let store = auth.store();
    let counts = store.session_counts(session).await?.ok_or(ApiError::NotFound("session"))?;
    let (_, settings) = store.booking_settings(session).await?.ok_or(ApiError::NotFound("session"))?;
    let schedule = store.session_schedule(session).await?.ok_or(ApiError::NotFound("session"))?;
    Ok(Json(SessionSettings {
        id: session.0,
        capacity: counts.capacity,
        remaining: counts.remaining,
        booking_opens_at: local(settings.opens_at),
        booking_closes_at: local(settings.closes_at),
        waitlist: settings.waitlist,
        starts_at: local(schedule.starts_at),
        ends_at: local(schedule.ends_at),
        place: schedule.place,
    }))
}

/// `POST /staff/sessions/{id}/cancel`: cancels a session that has not begun; everyone booked or
/// waiting is told the reason, and nobody's booking counts as a no-show.
#[utoipa::path(
    post, path = "/staff/sessions/{id}/cancel", operation_id = "cancel_session", tag = "staff",
    summary = "Cancel a session, with the reason residents booked or waiting are told",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The session's id", minimum = 1)),
    request_body = CancelRequest,
    responses(
        (status = 200, description = "Cancelled; how many residents were told", body = Cancelled),
        (status = 400, description = concat!(says!(bad_field), " (`reason`: required, one line, at most 200 characters); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such session", body = ErrorBody),
        (status = 409, description = "`too_late`: the session has begun or was cancelled", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn cancel_session(
    State(auth): State<StaffAuth>,
    PathId(session): PathId<SessionId>,
    StaffActor(actor): StaffActor,
    Body(body): Body<CancelRequest>,
) -> Result<Json<Cancelled>, ApiError> {
    let told = cc_services::staff::cancel_session(auth.store(), &actor, session, &body.reason).await?;
    Ok(Json(Cancelled { id: session.0, told }))
}
