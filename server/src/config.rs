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
    pub map: app::server_fns::MapSettings,
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
        Ok(Config {
            database_url,
            addr,
            site_root: lookup("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            dev: lookup("LEPTOS_ENV").is_some_and(|v| v.eq_ignore_ascii_case("dev")),
            map: app::server_fns::MapSettings {
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
    }

    #[test]
    fn bad_values_name_their_variable() {
        let err = Config::from_lookup(|n| (n == "LEPTOS_SITE_ADDR").then(|| "localhost".into())).unwrap_err();
        assert_eq!(err.name, "LEPTOS_SITE_ADDR");
        let err = Config::from_lookup(|n| (n == "DATABASE_URL").then(|| "mysql://x".into())).unwrap_err();
        assert_eq!(err.name, "DATABASE_URL");
    }
}
