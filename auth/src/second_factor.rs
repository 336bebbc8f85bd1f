//! Staff second factors: TOTP codes (RFC 6238: 6 digits, 30-second steps, one step of clock
//! drift either way) from an authenticator app, and one-time recovery codes for a lost phone.
//! Who must use one is the deployment's choice (`CC_STAFF_2FA`).

use cc_domain::staff::Role;
use rand::Rng;
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, Totp};

/// Which staff must use a second factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SecondFactorPolicy {
    /// District admins and reviewers (the default): the accounts that can publish and grant.
    #[default]
    Admins,
    /// Every staff account.
    All,
    /// Nobody is made to (test and load rigs); anyone may still set one up.
    Off,
}

impl SecondFactorPolicy {
    /// `admins`, `all` or `off`.
    pub fn parse(text: &str) -> Option<SecondFactorPolicy> {
        match text.trim() {
            "admins" => Some(SecondFactorPolicy::Admins),
            "all" => Some(SecondFactorPolicy::All),
            "off" => Some(SecondFactorPolicy::Off),
            _ => None,
        }
    }

    /// Whether an account in `role` must set one up before it can log in.
    pub fn required_for(self, role: Role) -> bool {
        match self {
            SecondFactorPolicy::Admins => matches!(role, Role::DistrictAdmin | Role::Reviewer),
            SecondFactorPolicy::All => true,
            SecondFactorPolicy::Off => false,
        }
    }
}

/// What an authenticator app needs to be set up: the secret to type, and the same as a link
/// (drawn as a QR code for the app's camera).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Enrolment {
    /// Base32, grouped by four for typing.
    pub secret: String,
    /// `otpauth://totp/…`
    pub uri: String,
}

impl Enrolment {
    /// The link as a QR code, ready for an `<img src>` (an SVG data URI: no script, no request).
    pub fn qr_data_uri(&self) -> String {
        let svg = cc_domain::ticket::qr_svg(&self.uri);
        format!("data:image/svg+xml,{}", cc_domain::query::percent_encode(&svg))
    }
}

const ISSUER: &str = "公共文化云";
/// Recovery codes given at set-up.
pub const RECOVERY_CODES: usize = 10;

fn totp(secret: Secret, username: &str) -> Option<Totp> {
    totp_rs::Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_secret(secret)
        .with_issuer(Some(ISSUER))
        // A colon would end the label early in the otpauth link.
        .with_account_name(username.replace(':', "_"))
        .build()
        .ok()
}

/// A new random secret (160 bits, as RFC 4226 recommends) for `username`: the base32 to store
/// and what to show.
pub fn new_enrolment(username: &str) -> Option<(String, Enrolment)> {
    let bytes: [u8; 20] = rand::rng().random();
    let totp = totp(Secret::new_stack(bytes), username)?;
    let stored = totp.secret().to_base32();
    let grouped = stored.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ");
    let uri = totp.to_url().ok()?;
    Some((stored, Enrolment { secret: grouped, uri }))
}

/// The time step `code` belongs to, if it is the right code for `secret` at `now` (UTC seconds).
pub fn code_step(secret: &str, code: &str, now: i64) -> Option<i64> {
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let totp = totp(Secret::try_from_base32(secret).ok()?, "staff")?;
    totp.check(&digits, u64::try_from(now).ok()?).and_then(|step| i64::try_from(step).ok())
}

/// Ten new recovery codes, as shown once (`abcd-efgh-jkmn`, 60 random bits each).
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            let chars: String = (0..12).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect();
            format!("{}-{}-{}", &chars[0..4], &chars[4..8], &chars[8..12])
        })
        .collect()
}

/// How a recovery code is stored: its hash, case, spaces and dashes aside.
pub fn recovery_hash(code: &str) -> String {
    let normal: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    Sha256::digest(format!("recovery:{normal}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_from_the_secret_is_accepted_for_its_step_and_its_neighbours_only() {
        let (secret, enrolment) = new_enrolment("admin:one").unwrap();
        assert!(enrolment.uri.starts_with("otpauth://totp/"), "{}", enrolment.uri);
        assert_eq!(enrolment.secret.replace(' ', ""), secret);
        let totp = totp(Secret::try_from_base32(&secret).unwrap(), "x").unwrap();
        let now = 1_800_000_000;
        let code = totp.generate(now as u64).to_string();
        assert_eq!(code_step(&secret, &code, now), Some(now / 30));
        assert_eq!(code_step(&secret, &format!("{} {}", &code[..3], &code[3..]), now + 30), Some(now / 30));
        assert_eq!(code_step(&secret, &code, now + 120), None);
        assert_eq!(code_step(&secret, "12345", now), None);
        assert_eq!(code_step("not base32!", &code, now), None);
    }

    #[test]
    fn recovery_codes_are_distinct_and_their_hash_ignores_case_and_dashes() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), RECOVERY_CODES);
        assert_eq!(recovery_hash(&codes[0]), recovery_hash(&codes[0].to_uppercase().replace('-', " ")));
    }

    #[test]
    fn the_policy_names_who_must() {
        assert!(SecondFactorPolicy::Admins.required_for(Role::Reviewer));
        assert!(!SecondFactorPolicy::Admins.required_for(Role::Provider));
        assert!(SecondFactorPolicy::All.required_for(Role::Provider));
        assert!(!SecondFactorPolicy::Off.required_for(Role::DistrictAdmin));
        assert_eq!(SecondFactorPolicy::parse("all"), Some(SecondFactorPolicy::All));
        assert_eq!(SecondFactorPolicy::parse("yes"), None);
    }
}
