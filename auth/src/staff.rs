//! Staff logins: usernames and passwords of at least 12 characters, a 15-minute lockout after
//! five failures (kept in the database, so every server honours it), 30 minutes idle and 12
//! hours at most per session, and a disabled account logged out on its next request.

use std::time::Duration;

use cc_domain::account::{AccountProblem, NewPassword};
use cc_domain::time::now;
use cc_store::staff::{NewStaff, StaffMember};
use cc_store::Store;
use tower_sessions::Session;

use crate::password::{decoy_hash, hash_password, verify_password};
use crate::{AccountError, Throttle};

const STAFF: &str = "staff_id";
const STAFF_SINCE: &str = "staff_logged_in_at";
const STAFF_SEEN: &str = "staff_seen_at";
/// Failures before a staff account is locked, and for how long.
const LOCK_AFTER: i64 = 5;
const LOCK_SECS: i64 = 15 * 60;
/// A staff session ends after this long unused, and this long after login at most.
pub const STAFF_IDLE_SECS: i64 = 30 * 60;
pub const STAFF_ABSOLUTE_SECS: i64 = 12 * 3600;

/// Staff logins for one application.
#[derive(Debug, Clone)]
pub struct StaffAuth {
    store: Store,
    per_client: std::sync::Arc<Throttle>,
}

impl StaffAuth {
    /// `throttle` false only for load tests (the per-account lockout stays).
    pub fn new(store: Store, throttle: bool) -> StaffAuth {
        let per_client = Throttle::new(30, Duration::from_secs(15 * 60), throttle);
        StaffAuth { store, per_client: std::sync::Arc::new(per_client) }
    }

    /// The store staff live in.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Creates a staff account after checking the password; `None` when the username is taken.
    pub async fn create(
        &self,
        username: &str,
        display_name: &str,
        password: &str,
        scope: &cc_domain::staff::StaffScope,
        created_by: Option<i64>,
    ) -> Result<Option<i64>, AccountError> {
        let password = NewPassword::parse_for_staff(password, username)?;
        let hash = hash_password(&password).await?;
        let new = NewStaff {
            username: username.trim(),
            display_name,
            password_hash: &hash,
            scope,
            organisation: None,
            created_by,
        };
        Ok(self.store.create_staff(&new).await?)
    }

    /// Checks a username and password; returns the staff member.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        client: &str,
    ) -> Result<StaffMember, AccountError> {
        if self.per_client.is_blocked(client) {
            return Err(AccountProblem::TooManyAttempts.into());
        }
        let login = self.store.staff_login(username.trim()).await?;
        if login.as_ref().is_some_and(|l| l.locked_until > now()) {
            return Err(AccountProblem::TooManyAttempts.into());
        }
        let hash = login.as_ref().map_or_else(|| decoy_hash().to_string(), |l| l.password_hash.clone());
        let matches = verify_password(hash, password.to_string()).await;
        let Some(login) = login.filter(|_| matches) else {
            self.per_client.record(client);
            if let Some(login) = self.store.staff_login(username.trim()).await? {
                self.store.record_staff_login_failure(login.id, LOCK_AFTER, LOCK_SECS).await?;
            }
            tracing::warn!(username, client, "failed staff login");
            return Err(AccountProblem::WrongStaffCredentials.into());
        };
        if login.disabled {
            return Err(AccountProblem::AccountDisabled.into());
        }
        self.store.clear_staff_login_failures(login.id).await?;
        self.store
            .staff_member(login.id)
            .await?
            .ok_or_else(|| AccountError::Failed(anyhow::anyhow!("staff vanished")))
    }
}

/// Logs a staff member in on this session, under a new session id.
pub async fn log_in_staff(session: &Session, staff_id: i64) -> anyhow::Result<()> {
    session.cycle_id().await?;
    session.insert(STAFF, staff_id).await?;
    session.insert(STAFF_SINCE, now()).await?;
    session.insert(STAFF_SEEN, now()).await?;
    Ok(())
}

/// The logged-in staff member, checked on every request: a disabled account, 30 minutes unused
/// or 12 hours since login end the session.
pub async fn current_staff(session: &Session, store: &Store) -> anyhow::Result<Option<StaffMember>> {
    let Some(id) = session.get::<i64>(STAFF).await? else { return Ok(None) };
    let since = session.get::<i64>(STAFF_SINCE).await?.unwrap_or(0);
    let seen = session.get::<i64>(STAFF_SEEN).await?.unwrap_or(0);
    let member = store.staff_member(id).await?;
    let expired = now() - since > STAFF_ABSOLUTE_SECS || now() - seen > STAFF_IDLE_SECS;
    match member {
        Some(member) if !member.disabled && !expired => {
            session.insert(STAFF_SEEN, now()).await?;
            Ok(Some(member))
        }
        _ => {
            log_out_staff(session).await?;
            Ok(None)
        }
    }
}

/// Ends the staff part of a session.
pub async fn log_out_staff(session: &Session) -> anyhow::Result<()> {
    session.remove::<i64>(STAFF).await?;
    session.remove::<i64>(STAFF_SINCE).await?;
    session.remove::<i64>(STAFF_SEEN).await?;
    Ok(())
}
