//! The live dashboard: `GET /staff/dashboard` (the figures now) and `GET /staff/dashboard/stream`
//! (Server-Sent Events: the figures at once, then each new reading after changes in the staff
//! member's reach — readings are shared by every dashboard of a reach, see `dashboard_hub`). A
//! reconnecting browser gets the figures at once: whatever it missed, it is caught up.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::IntoResponse;
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::time::now;
use futures::{Stream, StreamExt};

use super::dashboard_hub::{DashboardHub, Figures};
use super::error::{ApiError, ErrorBody};
use super::staff::StaffActor;
use crate::stopping::Stopping;

/// A stream ends after this long; the browser reconnects at once, and the staff session (idle
/// and absolute limits, a disabled account) is checked again.
const STREAM_FOR: Duration = Duration::from_secs(10 * 60);

/// `GET /staff/dashboard`: the figures now, for district admins (the district) and street
/// admins (their street).
#[utoipa::path(
    get, path = "/staff/dashboard", operation_id = "get_dashboard", tag = "staff",
    summary = "The dashboard's figures now: today and this week (bookings, cancellations, check-ins, attended, no-shows), today's sessions filling, top items, bookings per category and street, compliance and coverage rates. District admins see the district, street admins their street",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "The figures (`street` is null for the district)", body = cc_domain::dashboard::Dashboard),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), ": not a district or street admin"), body = ErrorBody),
    )
)]
pub async fn show(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
) -> Result<Json<cc_domain::dashboard::Dashboard>, ApiError> {
    let street = cc_services::staff::dashboard_scope(auth.store(), &actor).await?;
    Ok(Json(auth.store().dashboard(street, now()).await?))
}

/// `GET /staff/dashboard/stream`: `event: dashboard` with the figures as JSON, at once and
/// after every change in reach.
#[utoipa::path(
    get, path = "/staff/dashboard/stream", operation_id = "stream_dashboard", tag = "staff",
    summary = "Server-Sent Events: `event: dashboard` with the same figures at once and after every change in the staff member's reach (changes within 150 ms are answered together). Reconnecting gives the figures at once; a stream ends after 10 minutes and the browser reconnects",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "`text/event-stream`; each event's data is the dashboard's figures", content_type = "text/event-stream", body = String),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), ": not a district or street admin"), body = ErrorBody),
    )
)]
pub async fn stream(
    State(auth): State<StaffAuth>,
    State(stopping): State<Stopping>,
    State(dashboards): State<DashboardHub>,
    StaffActor(actor): StaffActor,
) -> Result<impl IntoResponse, ApiError> {
    let street = cc_services::staff::dashboard_scope(auth.store(), &actor).await?;
    let figures = dashboards.watch(auth.store(), street);
    // The stream ends after a while, or at once when the server begins to stop.
    let ends = async move {
        tokio::select! {
            _ = tokio::time::sleep(STREAM_FOR) => {}
            _ = stopping.wait() => {}
        }
    };
    let updates = updates(figures).take_until(ends);
    Ok(Sse::new(updates).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response())
}

fn updates(figures: Figures) -> impl Stream<Item = Result<Event, Infallible>> {
    futures::stream::unfold((figures, true), |(mut figures, first)| async move {
        // The first message is the figures as they are; then each new reading.
        let ready = if first {
            figures.wait_for(Option::is_some).await.is_ok()
        } else {
            figures.changed().await.is_ok()
        };
        if !ready {
            return None;
        }
        let latest = figures.borrow_and_update().clone()?;
        let event = Event::default().event("dashboard").json_data(&*latest).unwrap_or_default();
        // Reconnect within two seconds when the connection drops.
        Some((Ok(event.retry(Duration::from_secs(2))), (figures, false)))
    })
}
