//! Live events for dashboards. Writes announce what they changed; one task per process turns
//! announcements into events (finding each session's street) and hands them on:
//!
//! - on SQLite (one process) straight to this process's subscribers;
//! - on PostgreSQL to `pg_notify('cc_live', …)`, which every server LISTENs to (this one too),
//!   so a booking taken by server A reaches dashboards connected to server B.
//!
//! Announcing never waits for delivery: a booking's answer does not depend on a dashboard.
//! Announcements arriving together go out as one notification, so a rush of bookings costs a
//! few notifications a second, not one per booking.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use cc_domain::live::{LiveEvent, LiveKind};
use sqlx::AnyPool;
use tokio::sync::{broadcast, mpsc};

use crate::{Backend, Store, StoreError};

/// The PostgreSQL channel events travel on.
pub const CHANNEL: &str = "cc_live";
/// How long the publisher gathers announcements before sending them on.
const GATHER: Duration = Duration::from_millis(25);

/// What travels in one notification: the events, and which server sent them (so a server
/// does not count its own writes twice; it counted them as they committed).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Notification {
    origin: u64,
    events: Vec<LiveEvent>,
}

/// Something a write changed, before its street is known.
#[derive(Debug, Clone, Copy)]
enum Announcement {
    Session(LiveKind, i64),
    Item(LiveKind, i64),
    Facility(LiveKind, i64),
    Street(LiveKind, Option<i64>),
}

/// This process's end of the event flow.
#[derive(Debug)]
pub(crate) struct LiveHub {
    local: broadcast::Sender<LiveEvent>,
    outbox: mpsc::UnboundedSender<Announcement>,
    /// Moves on whenever a public page may have changed, here or (heard) on another server.
    public_pages: Arc<AtomicU64>,
    /// This process's name in notifications.
    origin: u64,
}

impl LiveHub {
    /// Starts the publisher for a store on `pool`.
    pub(crate) fn start(pool: AnyPool, backend: Backend) -> Arc<LiveHub> {
        let (local, _) = broadcast::channel(1024);
        let (outbox, inbox) = mpsc::unbounded_channel();
        let origin = rand::random::<u64>();
        tokio::spawn(publish(pool, backend, inbox, local.clone(), origin));
        Arc::new(LiveHub { local, outbox, public_pages: Arc::new(AtomicU64::new(0)), origin })
    }
}

async fn publish(
    pool: AnyPool,
    backend: Backend,
    mut inbox: mpsc::UnboundedReceiver<Announcement>,
    local: broadcast::Sender<LiveEvent>,
    origin: u64,
) {
    let mut streets: HashMap<i64, Option<i64>> = HashMap::new();
    while let Some(first) = inbox.recv().await {
        tokio::time::sleep(GATHER).await;
        let mut batch = vec![first];
        while let Ok(next) = inbox.try_recv() {
            batch.push(next);
        }
        let mut events: Vec<LiveEvent> = Vec::new();
        for announcement in batch {
            let event = match announcement {
                Announcement::Street(kind, street_id) => LiveEvent { kind, street_id, session_id: None },
                Announcement::Item(kind, item) => {
                    // An edit can move an item (and its sessions) to another street.
                    streets.clear();
                    let sql =
                        "SELECT f.street_id FROM service_items i JOIN facilities f ON f.id = i.facility_id \
                               WHERE i.id = $1";
                    LiveEvent { kind, street_id: street_of(&pool, sql, item).await, session_id: None }
                }
                Announcement::Facility(kind, facility) => {
                    let sql = "SELECT street_id FROM facilities WHERE id = $1";
                    LiveEvent { kind, street_id: street_of(&pool, sql, facility).await, session_id: None }
                }
                Announcement::Session(kind, session) => {
                    if !streets.contains_key(&session) {
                        let sql =
                            "SELECT f.street_id FROM sessions s JOIN service_items i ON i.id = s.item_id \
                                   JOIN facilities f ON f.id = i.facility_id WHERE s.id = $1";
                        streets.insert(session, street_of(&pool, sql, session).await);
                    }
                    LiveEvent { kind, street_id: streets[&session], session_id: Some(session) }
                }
            };
            if !events.contains(&event) {
                events.push(event);
            }
        }
        match backend {
            Backend::Sqlite => {
                for event in events {
                    // No subscriber is not an error: nobody is watching.
                    let _ = local.send(event);
                }
            }
            Backend::Postgres => {
                let payload = serde_json::to_string(&Notification { origin, events }).unwrap_or_default();
                if let Err(e) =
                    sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(payload).execute(&pool).await
                {
                    tracing::warn!(error = %e, "could not send live events");
                }
            }
        }
    }
}

/// The street `sql` finds for `id`; `None` when it finds none (or the database fails: an event
/// for the whole district is better than none).
async fn street_of(pool: &AnyPool, sql: &str, id: i64) -> Option<i64> {
    match sqlx::query_as::<_, (i64,)>(sql).bind(id).fetch_optional(pool).await {
        Ok(row) => row.map(|(street,)| street),
        Err(e) => {
            tracing::warn!(error = %e, "live events: could not find a street");
            None
        }
    }
}

impl Store {
    /// Every live event from now on: this process's, and on PostgreSQL (once
    /// [`Store::listen_to_all_servers`] runs) every server's.
    pub fn live_events(&self) -> broadcast::Receiver<LiveEvent> {
        self.live.local.subscribe()
    }

    /// A number that moves on whenever a public page (a place count, an item, a facility) may
    /// have changed: by a write of this server, at once (writes announce after they commit),
    /// or, on PostgreSQL, of another server, as soon as its events arrive. A page rendered
    /// while it had another value may be out of date.
    pub fn public_pages_version(&self) -> u64 {
        self.live.public_pages.load(Ordering::Acquire)
    }

    fn public_pages_changed(&self, kind: LiveKind) {
        if kind.changes_public_pages() {
            self.live.public_pages.fetch_add(1, Ordering::AcqRel);
        }
    }

    /// Tells dashboards that something happened to a session.
    pub(crate) fn announce(&self, kind: LiveKind, session_id: i64) {
        self.public_pages_changed(kind);
        let _ = self.live.outbox.send(Announcement::Session(kind, session_id));
    }

    /// Tells dashboards that something happened to an item.
    pub(crate) fn announce_item(&self, kind: LiveKind, item_id: i64) {
        self.public_pages_changed(kind);
        let _ = self.live.outbox.send(Announcement::Item(kind, item_id));
    }

    /// Tells dashboards that something happened at a facility.
    pub(crate) fn announce_facility(&self, kind: LiveKind, facility_id: i64) {
        self.public_pages_changed(kind);
        let _ = self.live.outbox.send(Announcement::Facility(kind, facility_id));
    }

    /// Tells dashboards that something happened in a street (`None`: the whole district).
    pub(crate) fn announce_street(&self, kind: LiveKind, street_id: Option<i64>) {
        self.public_pages_changed(kind);
        let _ = self.live.outbox.send(Announcement::Street(kind, street_id));
    }

    /// On PostgreSQL, LISTENs for every server's events (this one's included) and hands them to
    /// this process's subscribers; after a lost connection it says `Resync`, since what was
    /// sent meanwhile is gone. On SQLite there is nothing to listen to.
    pub async fn listen_to_all_servers(&self, url: &str) -> Result<(), StoreError> {
        if self.backend() != Backend::Postgres {
            return Ok(());
        }
        let mut listener = sqlx::postgres::PgListener::connect(url).await?;
        listener.listen(CHANNEL).await?;
        let local = self.live.local.clone();
        let (public_pages, origin) = (self.live.public_pages.clone(), self.live.origin);
        // Stop listening when the store closes (a test's application, a server shutting down).
        let closed = self.pool.close_event();
        tokio::spawn(async move {
            tokio::pin!(closed);
            loop {
                let received = tokio::select! {
                    _ = &mut closed => break,
                    received = listener.try_recv() => received,
                };
                match received {
                    Ok(Some(notification)) => {
                        let Ok(Notification { origin: from, events }) = serde_json::from_str(notification.payload())
                        else {
                            tracing::warn!("live events: a notification that is not ours, ignored");
                            continue;
                        };
                        if from != origin && events.iter().any(|e| e.kind.changes_public_pages()) {
                            public_pages.fetch_add(1, Ordering::AcqRel);
                        }
                        for event in events {
                            let _ = local.send(event);
                        }
                    }
                    Ok(None) => {
                        // Whatever was sent meanwhile is lost: assume every page changed.
                        public_pages.fetch_add(1, Ordering::AcqRel);
                        tracing::warn!("live events: connection lost, reconnecting");
                        let _ = local.send(LiveEvent {
                            kind: LiveKind::Resync,
                            street_id: None,
                            session_id: None,
                        });
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "live events: listening failed, trying again");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(())
    }
}
