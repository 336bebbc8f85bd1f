//! Limits on attempts (logins, codes), counted in the database before the costly or guessable
//! work: every server shares the count, and a burst cannot slip between reading the count and
//! adding to it (`Store::count_attempt` does both in one statement). Keys are hashed, so the
//! table never lists who tried. `CC_THROTTLE=off` lifts the limits for load tests.

use cc_store::{Store, StoreError};
use sha2::{Digest, Sha256};

/// At most `max` attempts of one `kind` per key within `window_secs` of the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub kind: &'static str,
    pub max: i64,
    pub window_secs: i64,
}

const MINUTE: i64 = 60;

/// Resident logins per phone number: 5 per 15 minutes.
pub const LOGINS_PER_PHONE: Limit = Limit { kind: "login-phone", max: 5, window_secs: 15 * MINUTE };
/// Resident logins per client address: 30 per 15 minutes.
pub const LOGINS_PER_CLIENT: Limit = Limit { kind: "login-client", max: 30, window_secs: 15 * MINUTE };
/// SMS codes per client address: 10 per hour.
pub const CODES_PER_CLIENT: Limit = Limit { kind: "code-client", max: 10, window_secs: 60 * MINUTE };
/// SMS codes per number: one a minute…
pub const CODES_PER_PHONE_MINUTE: Limit = Limit { kind: "code-phone-minute", max: 1, window_secs: MINUTE };
/// …and 5 a day (each one costs money and can be used to pester the number's owner).
pub const CODES_PER_PHONE_DAY: Limit = Limit { kind: "code-phone-day", max: 5, window_secs: 24 * 60 * MINUTE };
/// Staff logins per username, password and second-factor steps together: 5 per 15 minutes,
/// the same for names that exist and names that do not.
pub const STAFF_LOGINS_PER_NAME: Limit = Limit { kind: "staff-name", max: 5, window_secs: 15 * MINUTE };
/// Staff logins per client address: 30 per 15 minutes.
pub const STAFF_LOGINS_PER_CLIENT: Limit = Limit { kind: "staff-client", max: 30, window_secs: 15 * MINUTE };

/// Counts attempts against limits in the store.
#[derive(Debug, Clone)]
pub struct Throttle {
    store: Store,
    enabled: bool,
}

impl Throttle {
    /// A throttle over `store`; a disabled one allows everything and counts nothing.
    pub fn new(store: Store, enabled: bool) -> Throttle {
        Throttle { store, enabled }
    }

    /// Counts an attempt for `value` under `limit`; whether it is within the limit.
    pub async fn allow(&self, limit: Limit, value: &str) -> Result<bool, StoreError> {
        if !self.enabled {
            return Ok(true);
        }
        let tries = self.store.count_attempt(&key(limit, value), limit.window_secs, cc_domain::time::now()).await?;
        Ok(tries <= limit.max)
    }

    /// Forgets `value`'s attempts under `limit` (after a success).
    pub async fn forget(&self, limit: Limit, value: &str) -> Result<(), StoreError> {
        if self.enabled {
            self.store.forget_attempts(&key(limit, value)).await?;
        }
        Ok(())
    }

    /// Takes back one attempt (a success from a shared address should not use up its limit).
    pub async fn refund(&self, limit: Limit, value: &str) -> Result<(), StoreError> {
        if self.enabled {
            self.store.refund_attempt(&key(limit, value)).await?;
        }
        Ok(())
    }
}

/// The stored key: a hash of the limit's kind and the value.
fn key(limit: Limit, value: &str) -> String {
    let digest = Sha256::digest(format!("{}:{value}", limit.kind).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_do_not_show_the_value_and_differ_by_kind() {
        let a = key(LOGINS_PER_PHONE, "13812345678");
        assert!(!a.contains("13812345678") && a.len() == 64);
        assert_ne!(a, key(CODES_PER_PHONE_DAY, "13812345678"));
    }

    #[tokio::test]
    async fn a_limit_allows_its_maximum_then_refuses_and_a_disabled_one_never_does() {
        let store = cc_store::testing::fresh_store().await.unwrap();
        let throttle = Throttle::new(store.clone(), true);
        for _ in 0..5 {
            assert!(throttle.allow(STAFF_LOGINS_PER_NAME, "admin").await.unwrap());
        }
        assert!(!throttle.allow(STAFF_LOGINS_PER_NAME, "admin").await.unwrap());
        assert!(throttle.allow(STAFF_LOGINS_PER_NAME, "someone").await.unwrap());
        throttle.forget(STAFF_LOGINS_PER_NAME, "admin").await.unwrap();
        assert!(throttle.allow(STAFF_LOGINS_PER_NAME, "admin").await.unwrap());
        let off = Throttle::new(store, false);
        for _ in 0..10 {
            assert!(off.allow(STAFF_LOGINS_PER_NAME, "x").await.unwrap());
        }
    }
}
