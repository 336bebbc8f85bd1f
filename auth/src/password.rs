//! Password hashing with argon2id at the parameters OWASP recommends (19 MiB, 2 passes, 1 lane).
//! Hashing takes tens of milliseconds of CPU on purpose, so it runs on the blocking pool.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use cc_domain::account::NewPassword;

/// Memory cost in KiB (19 MiB).
pub const MEMORY_KIB: u32 = 19 * 1024;
/// Passes over the memory.
pub const ITERATIONS: u32 = 2;
/// Lanes (degree of parallelism).
pub const LANES: u32 = 1;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, LANES, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a new password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub async fn hash_password(password: &NewPassword) -> anyhow::Result<String> {
    let plain = password.expose().to_string();
    tokio::task::spawn_blocking(move || hash_blocking(&plain)).await?
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
pub async fn verify_password(hash: String, plain: String) -> bool {
    tokio::task::spawn_blocking(move || {
        let Ok(parsed) = PasswordHash::new(&hash) else { return false };
        argon2().verify_password(plain.as_bytes(), &parsed).is_ok()
    })
    .await
    .unwrap_or(false)
}

/// A real hash of a throwaway password: checking it for unknown numbers makes a login for a
/// number without an account take as long as one with a wrong password.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
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
        assert!(verify_password(hash.clone(), "石景山 lantern 7".into()).await);
        assert!(!verify_password(hash, "石景山 lantern 8".into()).await);
        assert!(!verify_password("not a hash".into(), "x".into()).await);
    }
}
