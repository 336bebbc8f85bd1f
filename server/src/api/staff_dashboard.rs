//! The live dashboard: `GET /staff/dashboard` (the figures now) and `GET /staff/dashboard/stream`
//! (Server-Sent Events: the figures at once, then again after every change in the staff
//! member's reach). A burst of changes is gathered for a moment and answered with one update,
//! so a booking rush costs each dashboard a few updates a second, not one per booking. A
//! reconnecting browser gets the figures at once: whatever it missed, it is caught up.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::live::LiveEvent;
use cc_domain::time::now;
use cc_store::Store;
use futures::{Stream, StreamExt};
use http::HeaderMap;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};
use tokio::sync::broadcast::Receiver;

use super::error::{respond, ApiError};
use super::staff::StaffActor;
use crate::stopping::Stopping;

/// How long changes are gathered before an update goes out.
const GATHER: Duration = Duration::from_millis(150);
/// A stream ends after this long; the browser reconnects at once, and the staff session (idle
/// and absolute limits, a disabled account) is checked again.
const STREAM_FOR: Duration = Duration::from_secs(10 * 60);

/// `GET /staff/dashboard`: the figures now, for district admins (the district) and street
/// admins (their street).
pub async fn show(
    State(auth): State<StaffAuth>,
    headers: HeaderMap,
    actor: Result<StaffActor, ApiError>,
) -> Response {
    let result = async {
        let actor = actor?.0;
        let street = cc_console::dashboard_scope(auth.store(), &actor).await?;
        Ok(Json(auth.store().dashboard(street, now()).await?))
    };
    respond(&headers, result.await)
}

/// `GET /staff/dashboard/stream`: `event: dashboard` with the figures as JSON, at once and
/// after every change in reach.
pub async fn stream(
    State(auth): State<StaffAuth>,
    State(stopping): State<Stopping>,
    headers: HeaderMap,
    actor: Result<StaffActor, ApiError>,
) -> Response {
    let result = async {
        let actor = actor?.0;
        let street = cc_console::dashboard_scope(auth.store(), &actor).await?;
        // Subscribe before the first figures are read, so nothing falls between the two.
        let events = auth.store().live_events();
        // The stream ends after a while, or at once when the server begins to stop.
        let ends = async move {
            tokio::select! {
                _ = tokio::time::sleep(STREAM_FOR) => {}
                _ = stopping.wait() => {}
            }
        };
        let updates = updates(auth.store().clone(), street, events).take_until(ends);
        Ok(Sse::new(updates).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response())
    };
    respond(&headers, result.await)
}

fn updates(
    store: Store,
    street: Option<i64>,
    events: Receiver<LiveEvent>,
) -> impl Stream<Item = Result<Event, Infallible>> {
    futures::stream::unfold((store, events, true), move |(store, mut events, first)| async move {
        if !first && !next_change(&mut events, street).await {
            return None;
        }
        let event = match store.dashboard(street, now()).await {
            Ok(figures) => Event::default().event("dashboard").json_data(&figures).unwrap_or_default(),
            Err(e) => {
                tracing::error!(error = %e, "could not read the dashboard's figures");
                Event::default().event("unavailable").data("")
            }
        };
        // Reconnect within two seconds when the connection drops.
        Some((Ok(event.retry(Duration::from_secs(2))), (store, events, false)))
    })
}

/// Waits for a change in reach, then gathers whatever follows it for a moment; `false` when
/// the event source has closed.
async fn next_change(events: &mut Receiver<LiveEvent>, street: Option<i64>) -> bool {
    loop {
        match events.recv().await {
            Ok(event) if event.concerns(street) => break,
            Ok(_) => continue,
            // Fell behind a burst: something changed, look again.
            Err(RecvError::Lagged(_)) => break,
            Err(RecvError::Closed) => return false,
        }
    }
    tokio::time::sleep(GATHER).await;
    loop {
        match events.try_recv() {
            Ok(_) | Err(TryRecvError::Lagged(_)) => continue,
            Err(TryRecvError::Empty) => return true,
            Err(TryRecvError::Closed) => return false,
        }
    }
}
