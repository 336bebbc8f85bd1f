//! Logging: one line per event on stderr, filtered by `CC_LOG` (default `info`).

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber; calling it twice is harmless (tests do).
pub fn init() {
    let filter = EnvFilter::try_from_env("CC_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

/// Sends panics to the log, once each, instead of stderr's own format.
pub fn log_panics() {
    crate::safety::log_panics();
}
