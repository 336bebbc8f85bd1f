//! Staff logins: usernames and passwords of at least 12 characters, then — where the policy
//! asks, or the account set one up — a code from an authenticator app. Attempts are counted per
//! username and per client address before any check (password and code steps together: five
//! per 15 minutes per name, the same answer for names that exist and names that do not). A
//! session lasts 30 minutes unused and 12 hours at most; a disabled account is logged out on
//! its next request.

use cc_domain::account::{AccountProblem, NewPassword};
use cc_domain::time::now;
use cc_store::staff::{NewStaff, StaffMember};
use cc_store::Store;
use tower_sessions::Session;

use crate::password::{decoy_hash, hash_password, verify_password};
use crate::second_factor::{
    code_step, new_enrolment, new_recovery_codes, recovery_hash, Enrolment, SecondFactorPolicy,
};
use crate::throttle::{Throttle, STAFF_LOGINS_PER_CLIENT, STAFF_LOGINS_PER_NAME};
use crate::AccountError;

const STAFF: &str = "staff_id";
const STAFF_SINCE: &str = "staff_logged_in_at";
const STAFF_SEEN: &str = "staff_seen_at";
/// Between the password and the code: who, since when, under which name the attempts count.
const PENDING: &str = "staff_pending";
/// How long the code step waits after the password.
const PENDING_SECS: i64 = 5 * 60;
/// A staff session ends after this long unused, and this long after login at most.
pub const STAFF_IDLE_SECS: i64 = 30 * 60;
pub const STAFF_ABSOLUTE_SECS: i64 = 12 * 3600;

/// Where a staff login stands after the password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffLoginStep {
    /// Logged in: no second factor is needed for this account.
    LoggedIn(StaffMember),
    /// The password was right; the code from the account's authenticator app comes next.
    CodeNeeded,
    /// The password was right; this account must set up an authenticator app first.
    EnrolNeeded(Enrolment),
}

/// A login completed with a code: the member, and the recovery codes when the code step also
/// set up the authenticator (shown once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedIn {
    pub member: StaffMember,
    pub recovery_codes: Vec<String>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Pending {
    staff_id: i64,
    since: i64,
    name: String,
}

/// Staff logins for one application.
#[derive(Debug, Clone)]
pub struct StaffAuth {
    store: Store,
    throttle: Throttle,
    policy: SecondFactorPolicy,
}

impl StaffAuth {
    /// `throttle` false only for load tests; `policy` says who must use a second factor.
    pub fn new(store: Store, throttle: bool, policy: SecondFactorPolicy) -> StaffAuth {
        StaffAuth { throttle: Throttle::new(store.clone(), throttle), store, policy }
    }

    /// The store staff live in.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Who must use a second factor here.
    pub fn policy(&self) -> SecondFactorPolicy {
        self.policy
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

    /// Checks a username and password on `session`: logs in, or asks for the second factor.
    pub async fn login(
        &self,
        session: &Session,
        username: &str,
        password: &str,
        client: &str,
    ) -> Result<StaffLoginStep, AccountError> {
        let name = username.trim();
        self.count_attempt(name, client).await?;
        let login = self.store.staff_login(name).await?;
        let hash = login.as_ref().map_or_else(|| decoy_hash().to_string(), |l| l.password_hash.clone());
        let matches = verify_password(hash, password.to_string()).await?;
        let Some(login) = login.filter(|_| matches) else {
            tracing::warn!(username = name, client, "failed staff login");
            return Err(AccountProblem::WrongStaffCredentials.into());
        };
        if login.disabled {
            return Err(AccountProblem::AccountDisabled.into());
        }
        let member = self.member(login.id).await?;
        let pending = Pending { staff_id: login.id, since: now(), name: name.to_string() };
        if login.has_second_factor {
            session.insert(PENDING, pending).await.map_err(anyhow::Error::from)?;
            return Ok(StaffLoginStep::CodeNeeded);
        }
        if self.policy.required_for(member.scope.role) {
            let enrolment = self.begin_enrolment(&member).await?;
            session.insert(PENDING, pending).await.map_err(anyhow::Error::from)?;
            return Ok(StaffLoginStep::EnrolNeeded(enrolment));
        }
        self.succeeded(name, client).await?;
        log_in_staff(session, member.id).await?;
        self.audit(&member, "log_in", client).await?;
        Ok(StaffLoginStep::LoggedIn(member))
    }

    /// The code step of a login begun on `session`: an authenticator code (which also confirms
    /// a new authenticator) or a recovery code. Counted like a password attempt.
    pub async fn finish_login(
        &self,
        session: &Session,
        code: &str,
        client: &str,
    ) -> Result<LoggedIn, AccountError> {
        let pending: Option<Pending> = session.get(PENDING).await.map_err(anyhow::Error::from)?;
        let Some(pending) = pending.filter(|p| now() - p.since <= PENDING_SECS) else {
            return Err(AccountProblem::SecondFactorExpired.into());
        };
        self.count_attempt(&pending.name, client).await?;
        let member = self.member(pending.staff_id).await?;
        if member.disabled {
            return Err(AccountProblem::AccountDisabled.into());
        }
        let Some(recovery_codes) = self.check_code(member.id, code).await? else {
            tracing::warn!(username = %member.username, client, "wrong second-factor code");
            return Err(AccountProblem::WrongSecondFactor.into());
        };
        session.remove::<Pending>(PENDING).await.map_err(anyhow::Error::from)?;
        self.succeeded(&pending.name, client).await?;
        log_in_staff(session, member.id).await?;
        if !recovery_codes.is_empty() {
            self.audit(&member, "set_up_second_factor", client).await?;
        }
        self.audit(&member, "log_in", client).await?;
        Ok(LoggedIn { member, recovery_codes })
    }

    /// Starts setting up an authenticator for a logged-in member who has none yet.
    pub async fn begin_enrolment(&self, member: &StaffMember) -> Result<Enrolment, AccountError> {
        let (secret, enrolment) = new_enrolment(&member.username)
            .ok_or_else(|| AccountError::Failed(anyhow::anyhow!("could not make a TOTP secret")))?;
        if !self.store.set_unconfirmed_second_factor(member.id, &secret).await? {
            return Err(AccountError::Failed(anyhow::anyhow!("a second factor is already set up")));
        }
        Ok(enrolment)
    }

    /// Confirms a logged-in member's new authenticator with its first code; the recovery codes.
    pub async fn confirm_enrolment(
        &self,
        member: &StaffMember,
        code: &str,
        client: &str,
    ) -> Result<Vec<String>, AccountError> {
        match self.check_code(member.id, code).await? {
            Some(codes) if !codes.is_empty() => {
                self.audit(member, "set_up_second_factor", client).await?;
                Ok(codes)
            }
            _ => Err(AccountProblem::WrongSecondFactor.into()),
        }
    }

    /// Writes what `member` did to their own account (a login, a new authenticator) to the
    /// audit log, beside what they do in the console.
    async fn audit(&self, member: &StaffMember, action: &str, client: &str) -> Result<(), AccountError> {
        let entry = cc_store::staff::AuditEntry {
            staff_id: Some(member.id),
            role: member.scope.role.as_str().into(),
            action: action.into(),
            object_type: "staff".into(),
            object_id: Some(member.id),
            client: client.into(),
            ..Default::default()
        };
        self.store.append_audit(&entry).await?;
        Ok(())
    }

    /// Whether the member has a confirmed authenticator, and how many recovery codes are left.
    pub async fn second_factor_status(&self, member: &StaffMember) -> Result<(bool, i64), AccountError> {
        let confirmed = self.store.second_factor(member.id).await?.is_some_and(|f| f.confirmed);
        Ok((confirmed, self.store.recovery_codes_left(member.id).await?))
    }

    /// Checks a code against the account: `Some(new recovery codes)` when it confirmed a new
    /// authenticator, `Some(vec![])` for an ordinary login code or a recovery code, `None` when
    /// it does not match (or was used before).
    async fn check_code(&self, staff_id: i64, code: &str) -> Result<Option<Vec<String>>, AccountError> {
        let Some(factor) = self.store.second_factor(staff_id).await? else { return Ok(None) };
        let step = code_step(&factor.secret, code, now());
        if !factor.confirmed {
            let Some(step) = step else { return Ok(None) };
            let codes = new_recovery_codes();
            let hashes: Vec<String> = codes.iter().map(|c| recovery_hash(c)).collect();
            let confirmed = self.store.confirm_second_factor(staff_id, step, &hashes, now()).await?;
            return Ok(confirmed.then_some(codes));
        }
        let used = match step {
            Some(step) => self.store.use_second_factor_step(staff_id, step).await?,
            None => self.store.use_recovery_code(staff_id, &recovery_hash(code), now()).await?,
        };
        Ok(used.then(Vec::new))
    }

    /// Counts a login attempt for the name and the address; refuses past either limit.
    async fn count_attempt(&self, name: &str, client: &str) -> Result<(), AccountError> {
        let name_key = name.to_lowercase();
        let allowed = self.throttle.allow(STAFF_LOGINS_PER_CLIENT, client).await?
            && self.throttle.allow(STAFF_LOGINS_PER_NAME, &name_key).await?;
        if allowed {
            Ok(())
        } else {
            Err(AccountProblem::TooManyAttempts.into())
        }
    }

    /// A completed login forgets the name's attempts and gives the address its attempt back.
    async fn succeeded(&self, name: &str, client: &str) -> Result<(), AccountError> {
        self.throttle.forget(STAFF_LOGINS_PER_NAME, &name.to_lowercase()).await?;
        self.throttle.refund(STAFF_LOGINS_PER_CLIENT, client).await?;
        Ok(())
    }

    async fn member(&self, id: i64) -> Result<StaffMember, AccountError> {
        self.store
            .staff_member(cc_domain::ids::StaffId(id))
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
    let member = store.staff_member(cc_domain::ids::StaffId(id)).await?;
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
    session.remove::<Pending>(PENDING).await?;
    Ok(())
}
