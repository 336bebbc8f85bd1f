//! The server is stopping: long responses (the dashboard's event streams) end at once, so a
//! graceful shutdown does not wait for them — the browser reconnects to another server.

use tokio::sync::watch;

/// Resolves when the server begins to stop; cheap to clone into every stream.
#[derive(Debug, Clone)]
pub struct Stopping(watch::Receiver<bool>);

/// Tells every [`Stopping`] that the server is stopping.
#[derive(Debug)]
pub struct StopSwitch(watch::Sender<bool>);

/// A switch and the signal it sets.
pub fn stop_switch() -> (StopSwitch, Stopping) {
    let (sender, receiver) = watch::channel(false);
    (StopSwitch(sender), Stopping(receiver))
}

impl StopSwitch {
    pub fn stop(&self) {
        self.0.send_replace(true);
    }
}

impl Stopping {
    /// Waits until the server begins to stop.
    pub async fn wait(mut self) {
        // An error means the switch is gone, which happens only when the server is gone.
        let _ = self.0.wait_for(|stopping| *stopping).await;
    }
}
