//! Registering and logging in residents: the rules around the store (codes, hashes, throttles).

use std::sync::Arc;
use std::time::Duration;

use cc_domain::account::{AccountProblem, NewPassword, PhoneNumber};
use cc_domain::time::now;
use cc_store::Store;
use rand::Rng;
use sha2::{Digest, Sha256};

use crate::password::{decoy_hash, hash_password, verify_password};
use crate::sms::SmsSender;
use crate::throttle::Throttle;

/// How long a verification code can be used.
const CODE_LIFETIME_SECS: i64 = 10 * 60;
/// How soon a new code may be sent to the same number.
const RESEND_AFTER_SECS: i64 = 60;
/// Wrong codes tried before a code is void.
const CODE_ATTEMPTS: i64 = 5;

/// Why an account action did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The resident's input was refused; tell them why.
    #[error("refused: {0:?}")]
    Refused(AccountProblem),
    /// Something failed on our side; log it and apologise.
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
}

impl From<AccountProblem> for AccountError {
    fn from(problem: AccountProblem) -> Self {
        AccountError::Refused(problem)
    }
}

impl From<cc_store::StoreError> for AccountError {
    fn from(e: cc_store::StoreError) -> Self {
        AccountError::Failed(e.into())
    }
}

/// Resident accounts: one per application, shared by pages and API.
#[derive(Debug, Clone)]
pub struct Accounts {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    store: Store,
    sms: Arc<dyn SmsSender>,
    /// Failed logins per phone number: 5 per 15 minutes.
    per_phone: Throttle,
    /// Failed logins per client address: 30 per 15 minutes.
    per_client: Throttle,
    /// Codes requested per client address: 10 per hour.
    codes_per_client: Throttle,
}

impl Accounts {
    /// Accounts over `store`, sending codes with `sms`; `throttle` false only for load tests.
    pub fn new(store: Store, sms: Arc<dyn SmsSender>, throttle: bool) -> Accounts {
        let minutes = |m: u64| Duration::from_secs(60 * m);
        Accounts {
            inner: Arc::new(Inner {
                store,
                sms,
                per_phone: Throttle::new(5, minutes(15), throttle),
                per_client: Throttle::new(30, minutes(15), throttle),
                codes_per_client: Throttle::new(10, minutes(60), throttle),
            }),
        }
    }

    /// Sends a six-digit verification code to `phone`.
    pub async fn send_code(&self, phone: &str, client: &str) -> Result<(), AccountError> {
        let phone = PhoneNumber::parse(phone)?;
        let inner = &self.inner;
        if inner.codes_per_client.is_blocked(client) {
            return Err(AccountProblem::TooManyAttempts.into());
        }
        if let Some(sent_at) = inner.store.phone_code_sent_at(&phone).await? {
            if now() - sent_at < RESEND_AFTER_SECS {
                return Err(AccountProblem::TooManyAttempts.into());
            }
        }
        inner.codes_per_client.record(client);
        let code = format!("{:06}", rand::rng().random_range(0..1_000_000));
        inner.store.put_phone_code(&phone, &code_hash(&phone, &code), now() + CODE_LIFETIME_SECS).await?;
        inner.sms.send_code(&phone, &code).await?;
        Ok(())
    }

    /// Creates an account once the code sent to the number checks out; returns the resident's id.
    pub async fn register(&self, phone: &str, code: &str, password: &str) -> Result<i64, AccountError> {
        let phone = PhoneNumber::parse(phone)?;
        let password = NewPassword::parse(password, &phone)?;
        let store = &self.inner.store;
        let Some(pending) = store.take_phone_code_attempt(&phone).await? else {
            return Err(AccountProblem::WrongCode.into());
        };
        let valid = pending.attempts <= CODE_ATTEMPTS
            && pending.expires_at > now()
            && pending.code_hash == code_hash(&phone, code.trim());
        if !valid {
            return Err(AccountProblem::WrongCode.into());
        }
        let hash = hash_password(&password).await?;
        let id = store.create_resident(&phone, &hash).await?.ok_or(AccountProblem::PhoneTaken)?;
        store.delete_phone_code(&phone).await?;
        tracing::info!(resident = id, phone = %phone.masked(), "resident registered");
        Ok(id)
    }

    /// Checks a number and password; returns the resident's id. An unknown number and a wrong
    /// password get the same answer after the same work.
    pub async fn login(&self, phone: &str, password: &str, client: &str) -> Result<i64, AccountError> {
        let inner = &self.inner;
        let phone = PhoneNumber::parse(phone)?;
        if inner.per_client.is_blocked(client) || inner.per_phone.is_blocked(phone.as_str()) {
            return Err(AccountProblem::TooManyAttempts.into());
        }
        let login = inner.store.resident_login(&phone).await?;
        let hash = login.as_ref().map_or_else(|| decoy_hash().to_string(), |l| l.password_hash.clone());
        let matches = verify_password(hash, password.to_string()).await;
        match login {
            Some(login) if matches => {
                inner.per_phone.clear(phone.as_str());
                Ok(login.id)
            }
            _ => {
                inner.per_phone.record(phone.as_str());
                inner.per_client.record(client);
                tracing::info!(phone = %phone.masked(), client, "failed login");
                Err(AccountProblem::WrongCredentials.into())
            }
        }
    }

    /// The store these accounts live in.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }
}

/// Codes are kept hashed with their number, so the table never holds a usable code.
fn code_hash(phone: &PhoneNumber, code: &str) -> String {
    let digest = Sha256::digest(format!("{}:{code}", phone.as_str()).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
