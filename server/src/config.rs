//! Configuration from the environment. Leptos' own variables keep their `LEPTOS_` names;
//! everything of ours is prefixed `CC_`.

use std::net::SocketAddr;

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://…` (default `sqlite://data/culture.db`) or `postgres://…`.
    pub database_url: String,
    /// `LEPTOS_SITE_ADDR`: where to listen (default `127.0.0.1:3000`; port 0 picks a free port).
    pub addr: SocketAddr,
    /// `LEPTOS_SITE_ROOT`: the folder cargo-leptos builds the site into (default `target/site`).
    pub site_root: String,
    /// `LEPTOS_ENV`: `DEV` enables live reload; anything else is production.
    pub dev: bool,
    /// `CC_TILE_URL` and `CC_TILE_ATTRIBUTION`: the map's background tiles (default OpenStreetMap).
    pub map: app::public_fns::MapSettings,
    /// `CC_THROTTLE=off` lifts login and code throttles for load tests; on by default.
    pub throttle: bool,
    /// `CC_TRUST_FORWARDED=1`: take the client address from `X-Forwarded-For` (set it only
    /// behind a proxy that writes that header; otherwise clients could pick their address).
    pub trust_forwarded: bool,
    /// `CC_SECURE_COOKIES=1`: mark the session cookie `Secure` (set it when served over TLS).
    pub secure_cookies: bool,
    /// `CC_SECRET`: the ticket-signing secret (at least 32 characters). Unset: a random one is
    /// made on first start and kept in the database, shared by every server.
    pub secret: Option<String>,
    /// `CC_NO_SHOW_RULE`: `threshold/window_days/pause_days` (default `2/120/30`) or `off`.
    pub no_show_rule: cc_domain::booking::NoShowRule,
    /// `CC_STAFF_2FA`: who must use an authenticator app — `admins` (district admins and
    /// reviewers, the default), `all`, or `off` (test and load rigs).
    pub staff_2fa: cc_auth::SecondFactorPolicy,
    /// `CC_PUBLIC_URL`: the site's public address (`https://wenhua.example.gov.cn`) for the
    /// absolute links search engines read (canonical, sitemap). Unset: the request's host.
    pub public_url: Option<String>,
    /// `CC_BUILD_ID`: names this deployment for the residents' service worker (a new one makes
    /// phones install the new worker). Unset: a hash of the built files, which is what you want.
    pub build_id: Option<String>,
    /// `CC_DB_CONNECTIONS`: at most this many connections to the database (default 8 on SQLite,
    /// 4 on PostgreSQL; give PostgreSQL on its own machine about twice its cores).
    pub db_connections: Option<u32>,
    /// `CC_REMINDER_HOURS`: how long before a session residents are reminded of it (default 24;
    /// `0`: no reminders). Each resident can also turn reminders off for themselves.
    pub reminder_hours: u32,
    /// `CC_OFFER_WITHIN_HOURS` (default 24; `0`: never) and `CC_OFFER_HOLD_MINUTES` (default
    /// 120, 5 to 1440): a place freed from the waitlist closer to the start than that is offered,
    /// held that long (never past the start), and passes on unless accepted.
    pub offer_rule: cc_domain::offer::OfferRule,
    /// How often this server looks for SMS to send (5 s; tests make it shorter). Not read from
    /// the environment.
    pub sms_every: std::time::Duration,
    /// Never read from the environment: only the race-control test sets it, to show that the
    /// booking rush test catches an oversell when the guard is gone.
    pub remove_booking_guard_for_race_control: bool,
}

/// A variable that is set but cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("environment variable {name} is invalid: {reason}")]
pub struct ConfigError {
    pub name: &'static str,
    pub reason: String,
}

impl Config {
    /// Reads the configuration from the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup` (tests pass a map instead of the environment).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let addr_text = lookup("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        let addr = addr_text.parse().map_err(|e: std::net::AddrParseError| ConfigError {
            name: "LEPTOS_SITE_ADDR",
            reason: format!("`{addr_text}` is not host:port ({e})"),
        })?;
        let database_url = lookup("DATABASE_URL").unwrap_or_else(|| "sqlite://data/culture.db".into());
        cc_store::Backend::from_url(&database_url)
            .map_err(|e| ConfigError { name: "DATABASE_URL", reason: e.to_string() })?;
        let flag = |name: &'static str, default: bool| match lookup(name).as_deref().map(str::trim) {
            None | Some("") => Ok(default),
            Some("1" | "on" | "true" | "yes") => Ok(true),
            Some("0" | "off" | "false" | "no") => Ok(false),
            Some(other) => Err(ConfigError { name, reason: format!("`{other}` is not on or off") }),
        };
        let secret = lookup("CC_SECRET").filter(|s| !s.is_empty());
        if secret.as_ref().is_some_and(|s| s.chars().count() < 32) {
            return Err(ConfigError {
                name: "CC_SECRET",
                reason: "use at least 32 random characters".into(),
            });
        }
        let no_show_rule = match lookup("CC_NO_SHOW_RULE") {
            None => cc_domain::booking::NoShowRule::default(),
            Some(text) => cc_domain::booking::NoShowRule::parse(&text).ok_or_else(|| ConfigError {
                name: "CC_NO_SHOW_RULE",
                reason: format!("`{text}` is not threshold/window_days/pause_days (e.g. 2/120/30) or off"),
            })?,
        };
        let staff_2fa = match lookup("CC_STAFF_2FA") {
            None => cc_auth::SecondFactorPolicy::default(),
            Some(text) => cc_auth::SecondFactorPolicy::parse(&text).ok_or_else(|| ConfigError {
                name: "CC_STAFF_2FA",
                reason: format!("`{text}` is not admins, all or off"),
            })?,
        };
        let reminder_hours = match lookup("CC_REMINDER_HOURS").as_deref().map(str::trim) {
            None | Some("") => 24,
            Some(text) => text.parse::<u32>().ok().filter(|hours| *hours <= 24 * 7).ok_or_else(|| ConfigError {
                name: "CC_REMINDER_HOURS",
                reason: format!("`{text}` is not a number of hours from 0 (no reminders) to 168"),
            })?,
        };
        let whole = |name: &'static str| match lookup(name).as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(text) => text.parse::<i64>().map(Some).map_err(|_| ConfigError { name, reason: format!("`{text}` is not a whole number") }),
        };
        let default = cc_domain::offer::OfferRule::default();
        let within_hours = whole("CC_OFFER_WITHIN_HOURS")?.unwrap_or(default.within / 3600);
        let hold_minutes = whole("CC_OFFER_HOLD_MINUTES")?.unwrap_or(default.hold / 60);
        let offer_rule = cc_domain::offer::OfferRule::from_settings(within_hours, hold_minutes).ok_or_else(|| ConfigError {
            name: "CC_OFFER_WITHIN_HOURS",
            reason: format!("{within_hours} hours (0 to 168) with a hold of {hold_minutes} minutes (CC_OFFER_HOLD_MINUTES, 5 to 1440) is not a rule"),
        })?;
        let db_connections = match lookup("CC_DB_CONNECTIONS").as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(text.parse::<u32>().ok().filter(|n| (1..=1000).contains(n)).ok_or_else(|| ConfigError {
                name: "CC_DB_CONNECTIONS",
                reason: format!("`{text}` is not a number of connections from 1 to 1000"),
            })?),
        };
        Ok(Config {
            db_connections,
            offer_rule,
            reminder_hours,
            sms_every: std::time::Duration::from_secs(5),
            build_id: lookup("CC_BUILD_ID").filter(|id| !id.trim().is_empty()),
            public_url: lookup("CC_PUBLIC_URL").filter(|url| url.starts_with("https://") || url.starts_with("http://")),
            staff_2fa,
            throttle: flag("CC_THROTTLE", true)?,
            trust_forwarded: flag("CC_TRUST_FORWARDED", false)?,
            secure_cookies: flag("CC_SECURE_COOKIES", false)?,
            secret,
            no_show_rule,
            remove_booking_guard_for_race_control: false,
            database_url,
            addr,
            site_root: lookup("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            dev: lookup("LEPTOS_ENV").is_some_and(|v| v.eq_ignore_ascii_case("dev")),
            map: app::public_fns::MapSettings {
                tile_url: lookup("CC_TILE_URL")
                    .unwrap_or_else(|| "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into()),
                attribution: lookup("CC_TILE_ATTRIBUTION")
                    .unwrap_or_else(|| "© OpenStreetMap contributors".into()),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_serve_the_sqlite_demo_on_port_3000() {
        let config = Config::from_lookup(|_| None).unwrap();
        assert_eq!(config.database_url, "sqlite://data/culture.db");
        assert_eq!(config.addr.to_string(), "127.0.0.1:3000");
        assert!(!config.dev);
        assert_eq!(config.map.tile_url, "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assert!(config.throttle && !config.trust_forwarded && !config.secure_cookies);
        assert_eq!(config.no_show_rule, cc_domain::booking::NoShowRule::default());
        assert_eq!(config.staff_2fa, cc_auth::SecondFactorPolicy::Admins);
        assert_eq!(config.reminder_hours, 24);
    }

    #[test]
    fn reminders_can_be_moved_or_turned_off_but_not_garbled() {
        let hours = |text: &str| Config::from_lookup(|n| (n == "CC_REMINDER_HOURS").then(|| text.to_string()));
        assert_eq!(hours("2").unwrap().reminder_hours, 2);
        assert_eq!(hours("0").unwrap().reminder_hours, 0);
        for bad in ["-1", "a day", "1000"] {
            let error = hours(bad).unwrap_err();
            assert_eq!(error.name, "CC_REMINDER_HOURS", "{bad}");
        }
    }

    #[test]
    fn the_database_pool_is_sized_by_the_backends_default_or_by_hand() {
        assert_eq!(Config::from_lookup(|_| None).unwrap().db_connections, None);
        let sized = |text: &str| Config::from_lookup(|n| (n == "CC_DB_CONNECTIONS").then(|| text.to_string()));
        assert_eq!(sized("12").unwrap().db_connections, Some(12));
        for bad in ["0", "many", "-4", "5000"] {
            assert_eq!(sized(bad).unwrap_err().name, "CC_DB_CONNECTIONS", "{bad}");
        }
    }

    #[test]
    fn late_offers_can_be_tuned_or_turned_off_but_not_garbled() {
        let rule = |within: &str, hold: &str| {
            let vars = [("CC_OFFER_WITHIN_HOURS", within), ("CC_OFFER_HOLD_MINUTES", hold)];
            Config::from_lookup(|name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())).map(|c| c.offer_rule)
        };
        assert_eq!(rule("", "").unwrap(), cc_domain::offer::OfferRule::default());
        assert_eq!(rule("12", "30").unwrap(), cc_domain::offer::OfferRule { within: 12 * 3600, hold: 30 * 60 });
        assert_eq!(rule("0", "").unwrap().within, 0);
        assert!(rule("24", "2").is_err(), "a hold too short to read an SMS");
        assert!(rule("a day", "").is_err());
    }

    #[test]
    fn throttles_can_be_lifted_and_the_no_show_rule_configured() {
        let config = Config::from_lookup(|n| match n {
            "CC_THROTTLE" => Some("off".into()),
            "CC_NO_SHOW_RULE" => Some("3/90/14".into()),
            _ => None,
        })
        .unwrap();
        assert!(!config.throttle);
        assert_eq!(config.no_show_rule.threshold, 3);
        let err = Config::from_lookup(|n| (n == "CC_THROTTLE").then(|| "maybe".into())).unwrap_err();
        assert_eq!(err.name, "CC_THROTTLE");
        let err = Config::from_lookup(|n| (n == "CC_SECRET").then(|| "short".into())).unwrap_err();
        assert_eq!(err.name, "CC_SECRET");
    }

    #[test]
    fn bad_values_name_their_variable() {
        let err = Config::from_lookup(|n| (n == "LEPTOS_SITE_ADDR").then(|| "localhost".into())).unwrap_err();
        assert_eq!(err.name, "LEPTOS_SITE_ADDR");
        let err = Config::from_lookup(|n| (n == "DATABASE_URL").then(|| "mysql://x".into())).unwrap_err();
        assert_eq!(err.name, "DATABASE_URL");
        let err = Config::from_lookup(|n| (n == "CC_STAFF_2FA").then(|| "some".into())).unwrap_err();
        assert_eq!(err.name, "CC_STAFF_2FA");
    }
}
