//! Password hashing with argon2id at the parameters OWASP recommends (19 MiB, 2 passes, 1 lane).
//! Hashing takes tens of milliseconds of CPU and 19 MiB of memory on purpose, so it runs on a
//! few threads of its own behind a short queue: memory stays bounded under any burst of logins
//! (threads × 19 MiB, and the allocator keeps no more arenas than there are threads), and when
//! the queue is full a login is told to try again instead of waiting without end.

use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, OnceLock};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use cc_domain::account::{AccountProblem, NewPassword};

use crate::AccountError;

/// Memory cost in KiB (19 MiB).
pub const MEMORY_KIB: u32 = 19 * 1024;
/// Passes over the memory.
pub const ITERATIONS: u32 = 2;
/// Lanes (degree of parallelism).
pub const LANES: u32 = 1;
/// Hashing threads: one per core, at least two, at most four (≤ 76 MiB of argon2 memory).
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 4)
}
/// Hashes waiting for a thread before new ones are refused as busy (a second or two of work).
pub const QUEUE: usize = 64;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, LANES, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads, started on first use.
fn pool() -> &'static SyncSender<Job> {
    static POOL: OnceLock<SyncSender<Job>> = OnceLock::new();
    POOL.get_or_init(|| {
        let (sender, receiver) = sync_channel::<Job>(QUEUE);
        let receiver = Arc::new(Mutex::new(receiver));
        for n in 0..workers() {
            let receiver = receiver.clone();
            std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || loop {
                    let job = match receiver.lock() {
                        Ok(receiver) => receiver.recv(),
                        Err(poisoned) => poisoned.into_inner().recv(),
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                })
                .expect("a hashing thread starts");
        }
        sender
    })
}

/// Runs `work` on a hashing thread; `Busy` when the queue is full.
async fn on_pool<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, AccountError> {
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = done.send(work());
    });
    match pool().try_send(job) {
        Ok(()) => {}
        Err(TrySendError::Full(_)) => return Err(AccountProblem::Busy.into()),
        Err(TrySendError::Disconnected(_)) => return Err(AccountError::Failed(anyhow::anyhow!("no hashing threads"))),
    }
    result.await.map_err(|_| AccountError::Failed(anyhow::anyhow!("a hashing thread failed")))
}

/// Hashes a new password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub async fn hash_password(password: &NewPassword) -> Result<String, AccountError> {
    let plain = password.expose().to_string();
    on_pool(move || hash_blocking(&plain)).await?.map_err(AccountError::Failed)
}

/// The hash of `plain` computed on this thread (bulk seeding hashes one password once).
pub fn hash_blocking(plain: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(argon2()
        .hash_password(plain.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?
        .to_string())
}

/// Whether `plain` matches `hash`. A malformed hash never matches.
pub async fn verify_password(hash: String, plain: String) -> Result<bool, AccountError> {
    on_pool(move || {
        let Ok(parsed) = PasswordHash::new(&hash) else { return false };
        argon2().verify_password(plain.as_bytes(), &parsed).is_ok()
    })
    .await
}

/// A real hash of a throwaway password: checking it for unknown numbers makes a login for a
/// number without an account take as long as one with a wrong password.
pub fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_blocking("decoy password never used").expect("hashing works"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_domain::account::PhoneNumber;

    #[tokio::test]
    async fn hashes_are_argon2id_with_the_agreed_parameters_and_verify() {
        let phone = PhoneNumber::parse("13812345678").unwrap();
        let password = NewPassword::parse("石景山 lantern 7", &phone).unwrap();
        let hash = hash_password(&password).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify_password(hash.clone(), "石景山 lantern 7".into()).await.unwrap());
        assert!(!verify_password(hash, "石景山 lantern 8".into()).await.unwrap());
        assert!(!verify_password("not a hash".into(), "x".into()).await.unwrap());
    }

    #[tokio::test]
    async fn a_burst_beyond_the_queue_is_told_busy_and_nothing_waits_without_end() {
        let hash = decoy_hash().to_string();
        let burst = (0..(QUEUE + workers() + 40)).map(|_| verify_password(hash.clone(), "guess".into()));
        let answers = futures::future::join_all(burst).await;
        let busy = answers.iter().filter(|a| matches!(a, Err(AccountError::Refused(AccountProblem::Busy)))).count();
        let checked = answers.iter().filter(|a| matches!(a, Ok(false))).count();
        assert!(busy >= 40 && busy + checked == answers.len(), "busy {busy}, checked {checked}");
    }
}
