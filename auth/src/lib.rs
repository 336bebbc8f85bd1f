//! Resident accounts: argon2id password hashes, SMS verification codes behind [`SmsSender`],
//! login throttling, and login sessions (tower-sessions) stored in the database.
//!
//! Pages and the API both log residents in through [`Accounts`] and read who is logged in with
//! [`current_resident`], so the rules are written once.

mod accounts;
pub mod password;
mod second_factor;
mod session;
mod session_store;
mod sms;
mod staff;
mod throttle;

pub use accounts::{AccountError, Accounts};
pub use session::{current_resident, issue_session, log_in, log_out, SessionLimits};
pub use session_store::DbSessionStore;
pub use sms::{LogSms, SmsSender};
pub use second_factor::{Enrolment, SecondFactorPolicy};
pub use staff::{
    current_staff, log_in_staff, log_out_staff, LoggedIn, StaffAuth, StaffLoginStep, STAFF_ABSOLUTE_SECS,
    STAFF_IDLE_SECS,
};
pub use throttle::Throttle;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "cc_session";

/// The client's address for throttling: the connection's peer, or — only when the deployment
/// says a proxy sets it (`trust_forwarded`) — the last address in `X-Forwarded-For`, the one our
/// own proxy appended (earlier entries are whatever the client claimed).
pub fn client_address(
    headers: &http::HeaderMap,
    peer: Option<std::net::SocketAddr>,
    trust_forwarded: bool,
) -> String {
    let forwarded = trust_forwarded
        .then(|| {
            headers.get("x-forwarded-for")?.to_str().ok()?.rsplit(',').next().map(|a| a.trim().to_string())
        })
        .flatten()
        .filter(|a| !a.is_empty());
    forwarded.or_else(|| peer.map(|p| p.ip().to_string())).unwrap_or_else(|| "unknown".into())
}

/// How resident logins behave in this deployment: put in the request context for pages and API.
#[derive(Debug, Clone)]
pub struct ResidentAuth {
    pub accounts: Accounts,
    pub limits: SessionLimits,
    pub trust_forwarded: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_addresses_count_only_when_trusted_and_only_the_last() {
        let mut headers = http::HeaderMap::new();
        headers.insert("x-forwarded-for", "6.6.6.6, 10.0.0.7".parse().unwrap());
        let peer = Some("127.0.0.1:5000".parse().unwrap());
        assert_eq!(client_address(&headers, peer, false), "127.0.0.1");
        assert_eq!(client_address(&headers, peer, true), "10.0.0.7");
        assert_eq!(client_address(&http::HeaderMap::new(), peer, true), "127.0.0.1");
    }
}
