//! Password hashing with argon2id at the parameters OWASP recommends (19 MiB, 2 passes, 1 lane).
//! Hashing takes tens of milliseconds of CPU and 19 MiB of memory on purpose, so it runs on a
//! few threads of its own behind a short queue, each reusing one memory area: memory stays
//! bounded under any burst of logins (threads × 19 MiB), and when the queue is full a login is
//! told to try again instead of waiting without end.

use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, OnceLock};

use std::cell::RefCell;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{self, Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
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
/// Hashes waiting for a thread before new ones are refused as busy: about four seconds of work
/// on two cores. Waiting jobs hold a few bytes each; only running ones hold argon2's memory.
pub const QUEUE: usize = 256;

fn params() -> Params {
    Params::new(MEMORY_KIB, ITERATIONS, LANES, None).expect("valid argon2 parameters")
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

thread_local! {
    /// This thread's argon2 memory, allocated once and reused by every hash it computes: a
    /// fresh 19 MiB per call is what the allocator kept (hundreds of MiB after a burst).
    static MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Runs argon2 for `params` into `out`, in this thread's reused memory.
fn argon2_into(params: &Params, algorithm: Algorithm, version: Version, pwd: &[u8], salt: &[u8], out: &mut [u8]) -> argon2::Result<()> {
    MEMORY.with_borrow_mut(|memory| {
        let needed = params.block_count();
        if memory.len() < needed {
            memory.resize(needed, Block::default());
        }
        Argon2::new(algorithm, version, params.clone()).hash_password_into_with_memory(pwd, salt, out, &mut memory[..needed])
    })
}

/// The hash of `plain` computed on this thread (bulk seeding hashes one password once).
pub fn hash_blocking(plain: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    let params = params();
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_bytes).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let output = Output::init_with(Params::DEFAULT_OUTPUT_LEN, |out| {
        argon2_into(&params, Algorithm::Argon2id, Version::V0x13, plain.as_bytes(), salt_bytes, out)
            .map_err(password_hash::Error::from)
    })
    .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| anyhow::anyhow!("parameters: {e}"))?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(hash.to_string())
}

/// Whether `plain` matches the PHC string `hash` (any argon2 parameters it names). A malformed
/// hash never matches; the comparison takes the same time wherever the bytes differ.
fn verify_blocking(hash: &str, plain: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else { return false };
    let (Ok(params), Ok(algorithm), Some(expected), Some(salt)) =
        (Params::try_from(&parsed), Algorithm::try_from(parsed.algorithm), parsed.hash, parsed.salt)
    else {
        return false;
    };
    let version = parsed.version.map(Version::try_from).transpose().ok().flatten().unwrap_or_default();
    let mut salt_bytes = [0u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut salt_bytes) else { return false };
    let computed = Output::init_with(expected.len(), |out| {
        argon2_into(&params, algorithm, version, plain.as_bytes(), salt_bytes, out).map_err(password_hash::Error::from)
    });
    // `Output`'s equality is constant-time.
    computed.is_ok_and(|computed| computed == expected)
}

/// Whether `plain` matches `hash`. A malformed hash never matches.
pub async fn verify_password(hash: String, plain: String) -> Result<bool, AccountError> {
    on_pool(move || verify_blocking(&hash, &plain)).await
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

    /// The hashing threads are shared by the whole test process: the burst test fills their
    /// queue on purpose, so tests here take turns.
    static TURNS: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

    #[tokio::test]
    async fn hashes_are_argon2id_with_the_agreed_parameters_and_verify() {
        let _turn = TURNS.lock().await;
        let phone = PhoneNumber::parse("13812345678").unwrap();
        let password = NewPassword::parse("石景山 lantern 7", &phone).unwrap();
        let hash = hash_password(&password).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify_password(hash.clone(), "石景山 lantern 7".into()).await.unwrap());
        assert!(!verify_password(hash, "石景山 lantern 8".into()).await.unwrap());
        assert!(!verify_password("not a hash".into(), "x".into()).await.unwrap());
    }

    #[tokio::test]
    async fn hashes_made_by_the_argon2_crate_itself_still_verify() {
        let _turn = TURNS.lock().await;
        use argon2::PasswordHasher;
        let salt = SaltString::generate(&mut OsRng);
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(8 * 1024, 1, 1, None).unwrap());
        let hash = argon2.hash_password(b"an older hash", &salt).unwrap().to_string();
        assert!(verify_password(hash.clone(), "an older hash".into()).await.unwrap());
        assert!(!verify_password(hash, "another".into()).await.unwrap());
    }

    #[tokio::test]
    async fn a_burst_beyond_the_queue_is_told_busy_and_nothing_waits_without_end() {
        let _turn = TURNS.lock().await;
        let hash = decoy_hash().to_string();
        let burst = (0..(QUEUE + workers() + 40)).map(|_| verify_password(hash.clone(), "guess".into()));
        let answers = futures::future::join_all(burst).await;
        let busy = answers.iter().filter(|a| matches!(a, Err(AccountError::Refused(AccountProblem::Busy)))).count();
        let checked = answers.iter().filter(|a| matches!(a, Ok(false))).count();
        assert!(busy >= 40 && busy + checked == answers.len(), "busy {busy}, checked {checked}");
    }
}
