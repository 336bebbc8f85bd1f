//! One reading of the dashboard's figures per reach (the district, or a street) and change,
//! shared by every dashboard of that reach connected to this server: ten wall displays of one
//! street cost one reading, not ten. A reach's reader runs while someone watches it, reads
//! again after each burst of changes in reach, and at least every minute (so midnight turns
//! "today" over on a quiet wall too).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cc_domain::dashboard::Dashboard;
use cc_domain::live::LiveEvent;
use cc_domain::time::now;
use cc_store::Store;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};
use tokio::sync::broadcast::Receiver;
use tokio::sync::watch;

/// How long changes are gathered before the figures are read again.
const GATHER: Duration = Duration::from_millis(150);
/// The figures are read again at least this often.
const REFRESH: Duration = Duration::from_secs(60);

/// The latest figures of one reach; `None` until the first reading.
pub type Figures = watch::Receiver<Option<Arc<Dashboard>>>;

/// The readers of this server, one per watched reach.
#[derive(Clone, Default)]
pub struct DashboardHub {
    readers: Arc<Mutex<HashMap<Option<i64>, Arc<watch::Sender<Option<Arc<Dashboard>>>>>>>,
}

impl DashboardHub {
    /// The figures of `street` (`None`: the district), starting its reader if nobody watched it.
    pub fn watch(&self, store: &Store, street: Option<i64>) -> Figures {
        let mut readers = self.readers.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(sender) = readers.get(&street) {
            return sender.subscribe();
        }
        let (sender, figures) = watch::channel(None);
        let sender = Arc::new(sender);
        readers.insert(street, sender.clone());
        // Subscribe before the first reading, so no change falls between the two.
        let events = store.live_events();
        tokio::spawn(read(self.clone(), store.clone(), street, sender, events));
        figures
    }

    /// Forgets the reach's reader if nobody watches any more; whether it did.
    fn retire_if_unwatched(
        &self,
        street: Option<i64>,
        sender: &watch::Sender<Option<Arc<Dashboard>>>,
    ) -> bool {
        let mut readers = self.readers.lock().unwrap_or_else(|e| e.into_inner());
        if sender.receiver_count() == 0 {
            readers.remove(&street);
            true
        } else {
            false
        }
    }
}

async fn read(
    hub: DashboardHub,
    store: Store,
    street: Option<i64>,
    sender: Arc<watch::Sender<Option<Arc<Dashboard>>>>,
    mut events: Receiver<LiveEvent>,
) {
    loop {
        match store.dashboard(street, now()).await {
            Ok(figures) => {
                sender.send_replace(Some(Arc::new(figures)));
            }
            Err(e) => tracing::error!(error = %e, "could not read the dashboard's figures"),
        }
        // A change, or a minute without one: read again, if anybody still watches.
        let closed = tokio::time::timeout(REFRESH, next_change(&mut events, street)).await == Ok(false);
        if closed {
            hub.readers.lock().unwrap_or_else(|e| e.into_inner()).remove(&street);
            return;
        }
        if hub.retire_if_unwatched(street, &sender) {
            return;
        }
    }
}

/// Waits for a change in reach, then gathers whatever follows it for a moment; `false` when
/// the event source has closed.
async fn next_change(events: &mut Receiver<LiveEvent>, street: Option<i64>) -> bool {
    loop {
        match events.recv().await {
            Ok(event) if event.concerns(street) => break,
            Ok(_) => continue,
            // Fell behind a burst: something changed, read again.
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
