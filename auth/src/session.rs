//! Who is logged in: the resident's id in the tower-sessions session, with an absolute limit on
//! top of the idle expiry the session layer enforces.

use cc_domain::time::now;
use cc_store::Store;
use tower_sessions::session::{Id, Record};
use tower_sessions::{Session, SessionStore};

use crate::DbSessionStore;

pub(crate) const RESIDENT: &str = "resident_id";
const SINCE: &str = "logged_in_at";
const SEEN: &str = "seen_at";
/// How often a busy session's idle expiry is pushed back (each push is one write).
const TOUCH_EVERY_SECS: i64 = 3_600;

/// How long sessions last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLimits {
    /// A session unused this long ends (seconds).
    pub idle_secs: i64,
    /// A session ends this long after login, however busy (seconds).
    pub absolute_secs: i64,
}

impl Default for SessionLimits {
    /// Residents stay logged in for a week of inactivity and at most 30 days.
    fn default() -> Self {
        SessionLimits { idle_secs: 7 * 86_400, absolute_secs: 30 * 86_400 }
    }
}

/// Logs `resident_id` in on this session, under a new session id (no fixation).
pub async fn log_in(session: &Session, resident_id: i64) -> anyhow::Result<()> {
    session.cycle_id().await?;
    session.insert(RESIDENT, resident_id).await?;
    session.insert(SINCE, now()).await?;
    session.insert(SEEN, now()).await?;
    Ok(())
}

/// The logged-in resident, if any; ends sessions past their absolute limit.
pub async fn current_resident(session: &Session, limits: SessionLimits) -> anyhow::Result<Option<i64>> {
    let Some(resident) = session.get::<i64>(RESIDENT).await? else { return Ok(None) };
    let since = session.get::<i64>(SINCE).await?.unwrap_or(0);
    if now() - since > limits.absolute_secs {
        session.flush().await?;
        return Ok(None);
    }
    // The session layer writes a session only when it changed; marking it seen now and then
    // keeps a session in use from reaching its idle expiry, at one write per hour at most.
    let seen = session.get::<i64>(SEEN).await?.unwrap_or(since);
    if now() - seen > TOUCH_EVERY_SECS {
        session.insert(SEEN, now()).await?;
    }
    Ok(Some(resident))
}

/// Logs out: the session and its row are gone.
pub async fn log_out(session: &Session) -> anyhow::Result<()> {
    session.flush().await?;
    Ok(())
}

/// A logged-in session for `resident_id` made without a password: for load tests and
/// benchmarks that need thousands of residents (`culture-cloud seed residents`). Returns the
/// cookie value.
pub async fn issue_session(store: &Store, resident_id: i64, limits: SessionLimits) -> anyhow::Result<String> {
    let mut data = std::collections::HashMap::new();
    data.insert(RESIDENT.to_string(), serde_json::json!(resident_id));
    data.insert(SINCE.to_string(), serde_json::json!(now()));
    data.insert(SEEN.to_string(), serde_json::json!(now()));
    let expiry_date = time::OffsetDateTime::from_unix_timestamp(now() + limits.idle_secs)?;
    let mut record = Record { id: Id::default(), data, expiry_date };
    DbSessionStore::new(store.clone()).create(&mut record).await?;
    Ok(record.id.to_string())
}
