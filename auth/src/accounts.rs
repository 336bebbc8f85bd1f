//! Registering and logging in residents: the rules around the store (codes, hashes, throttles).

use std::sync::Arc;

use cc_domain::account::{AccountProblem, NewPassword, PhoneNumber};
use cc_domain::time::now;
use cc_store::Store;
use rand::Rng;
use sha2::{Digest, Sha256};

use crate::password::{decoy_hash, hash_password, verify_password};
use crate::sms::SmsSender;
use crate::throttle::{
    Throttle, CODES_PER_CLIENT, CODES_PER_PHONE_DAY, CODES_PER_PHONE_MINUTE, LOGINS_PER_CLIENT, LOGINS_PER_PHONE,
};

/// How long a verification code can be used.
const CODE_LIFETIME_SECS: i64 = 10 * 60;
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
    throttle: Throttle,
}

impl Accounts {
    /// Accounts over `store`, sending codes with `sms`; `throttle` false only for load tests.
    pub fn new(store: Store, sms: Arc<dyn SmsSender>, throttle: bool) -> Accounts {
        let throttle = Throttle::new(store.clone(), throttle);
        Accounts { inner: Arc::new(Inner { store, sms, throttle }) }
    }

    /// Sends a six-digit verification code to `phone`: at most one a minute and five a day per
    /// number, ten an hour per client address, each counted before anything is sent.
    pub async fn send_code(&self, phone: &str, client: &str) -> Result<(), AccountError> {
        let phone = PhoneNumber::parse(phone)?;
        let inner = &self.inner;
        let throttle = &inner.throttle;
        if !throttle.allow(CODES_PER_CLIENT, client).await? {
            return Err(AccountProblem::TooManyAttempts.into());
        }
        if !throttle.allow(CODES_PER_PHONE_MINUTE, phone.as_str()).await? {
            // Most often a second tap while the first code is on its way: say so.
            return Err(AccountProblem::CodeSentRecently.into());
        }
        if !throttle.allow(CODES_PER_PHONE_DAY, phone.as_str()).await? {
            return Err(AccountProblem::TooManyAttempts.into());
        }
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
        self.check_code(&phone, code).await?;
        let hash = hash_password(&password).await?;
        let id = store.create_resident(&phone, &hash).await?.ok_or(AccountProblem::PhoneTaken)?;
        store.delete_phone_code(&phone).await?;
        tracing::info!(resident = id, phone = %phone.masked(), "resident registered");
        Ok(id)
    }

    /// Gives the account of `phone` a new password once the code sent to the number checks out,
    /// and ends every login session it had (whoever knew the old password is logged out);
    /// returns the resident's id. Counted like a login (per number and per client address)
    /// before anything is checked, and a code takes five wrong tries at most.
    pub async fn reset_password(&self, phone: &str, code: &str, password: &str, client: &str) -> Result<i64, AccountError> {
        let phone = PhoneNumber::parse(phone)?;
        let password = NewPassword::parse(password, &phone)?;
        let throttle = &self.inner.throttle;
        let allowed = throttle.allow(LOGINS_PER_CLIENT, client).await?
            && throttle.allow(LOGINS_PER_PHONE, phone.as_str()).await?;
        if !allowed {
            return Err(AccountProblem::TooManyAttempts.into());
        }
        self.check_code(&phone, code).await?;
        let store = &self.inner.store;
        // Before the costly hash: a number without an account is told to register.
        if store.resident_login(&phone).await?.is_none() {
            return Err(AccountProblem::NoAccount.into());
        }
        let hash = hash_password(&password).await?;
        let id = store.reset_resident_password(&phone, &hash).await?.ok_or(AccountProblem::NoAccount)?;
        throttle.forget(LOGINS_PER_PHONE, phone.as_str()).await?;
        tracing::info!(resident = id, phone = %phone.masked(), client, "password reset; every login session ended");
        Ok(id)
    }

    /// Whether `code` is the live code sent to `phone`; each try is counted first.
    async fn check_code(&self, phone: &PhoneNumber, code: &str) -> Result<(), AccountError> {
        let Some(pending) = self.inner.store.take_phone_code_attempt(phone).await? else {
            return Err(AccountProblem::WrongCode.into());
        };
        let valid = pending.attempts <= CODE_ATTEMPTS
            && pending.expires_at > now()
            && pending.code_hash == code_hash(phone, code.trim());
        if valid {
            Ok(())
        } else {
            Err(AccountProblem::WrongCode.into())
        }
    }

    /// Checks a number and password; returns the resident's id. The attempt is counted (per
    /// number and per client address) before the password is checked, so a burst gets no more
    /// guesses than the limit. An unknown number and a wrong password get the same answer after
    /// the same work.
    pub async fn login(&self, phone: &str, password: &str, client: &str) -> Result<i64, AccountError> {
        let inner = &self.inner;
        let phone = PhoneNumber::parse(phone)?;
        let throttle = &inner.throttle;
        let allowed = throttle.allow(LOGINS_PER_CLIENT, client).await?
            && throttle.allow(LOGINS_PER_PHONE, phone.as_str()).await?;
        if !allowed {
            return Err(AccountProblem::TooManyAttempts.into());
        }
        let login = inner.store.resident_login(&phone).await?;
        let hash = login.as_ref().map_or_else(|| decoy_hash().to_string(), |l| l.password_hash.clone());
        let matches = verify_password(hash, password.to_string()).await?;
        match login {
            Some(login) if matches => {
                throttle.forget(LOGINS_PER_PHONE, phone.as_str()).await?;
                throttle.refund(LOGINS_PER_CLIENT, client).await?;
                Ok(login.id)
            }
            _ => {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LogSms;

    #[tokio::test]
    async fn a_number_gets_one_code_a_minute_and_five_a_day_whoever_asks() {
        let store = cc_store::testing::fresh_store().await.unwrap();
        let accounts = Accounts::new(store.clone(), Arc::new(LogSms::default()), true);
        let throttle = Throttle::new(store, true);
        let phone = "13866667777";
        assert!(accounts.send_code(phone, "10.0.0.1").await.is_ok());
        let again = accounts.send_code(phone, "10.0.0.2").await;
        assert!(matches!(again, Err(AccountError::Refused(AccountProblem::CodeSentRecently))), "within the minute");
        for n in 2..=5 {
            // As if a minute had passed each time.
            throttle.forget(CODES_PER_PHONE_MINUTE, phone).await.unwrap();
            assert!(accounts.send_code(phone, &format!("10.0.1.{n}")).await.is_ok(), "code {n}");
        }
        throttle.forget(CODES_PER_PHONE_MINUTE, phone).await.unwrap();
        let sixth = accounts.send_code(phone, "10.0.2.1").await;
        assert!(matches!(sixth, Err(AccountError::Refused(AccountProblem::TooManyAttempts))), "the sixth today");
        assert!(accounts.send_code("13866667778", "10.0.2.1").await.is_ok(), "other numbers are not affected");
    }
}
