//! Opening the database and applying migrations.

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

use cc_domain::booking::NoShowRule;
use cc_domain::offer::OfferRule;

use std::sync::Arc;

use crate::bookings::BookingGuard;
use crate::live::LiveHub;
use crate::search::SearchIndex;
use crate::StoreError;

/// Which database a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Picks the backend from a URL's scheme.
    pub fn from_url(url: &str) -> Result<Backend, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::UnsupportedUrl(url.to_string()))
        }
    }
}

/// The application's handle on its database: cheap to clone, shared by every request.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    backend: Backend,
    pub(crate) no_show_rule: NoShowRule,
    pub(crate) offer_rule: OfferRule,
    pub(crate) booking_guard: BookingGuard,
    pub(crate) live: Arc<LiveHub>,
    pub(crate) search: Arc<SearchIndex>,
}

impl Store {
    /// Connects to `url`, creating a SQLite file (and its folder) when it does not exist yet,
    /// with the default number of connections ([`Store::connect_with`]).
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        Store::connect_with(url, None).await
    }

    /// Connects to `url` with at most `connections` to the database (default: 8 on SQLite,
    /// where readers share the file beside one writer; 4 on PostgreSQL — a pool the size of
    /// the database's cores keeps its processes from crowding each other and this server
    /// (`bench/city.sh`: the uncached search p99 on PostgreSQL fell from 110–190 ms at 16 to
    /// 75–100 ms at 4 on two cores, at the same throughput); set it to twice the database's
    /// cores when it has its own machine).
    pub async fn connect_with(url: &str, connections: Option<u32>) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let url = match backend {
            Backend::Sqlite => sqlite_url_creating_folder(url),
            Backend::Postgres => url.to_string(),
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = match backend {
            Backend::Sqlite => {
                AnyPoolOptions::new()
                    .max_connections(connections.unwrap_or(8))
                    .acquire_timeout(Duration::from_secs(10))
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            // WAL lets readers run beside the one writer; the busy timeout makes a
                            // second writer wait instead of failing with "database is locked".
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                                 PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
            Backend::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(connections.unwrap_or(4))
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?
            }
        };
        let live = LiveHub::start(pool.clone(), backend);
        Ok(Store {
            pool,
            backend,
            no_show_rule: NoShowRule::default(),
            offer_rule: OfferRule::default(),
            booking_guard: BookingGuard::On,
            live,
            search: SearchIndex::new()?,
        })
    }

    /// The same store applying another no-show rule (configuration: `CC_NO_SHOW_RULE`).
    pub fn with_no_show_rule(mut self, rule: NoShowRule) -> Store {
        self.no_show_rule = rule;
        self
    }

    /// The same store applying another rule for late promotions (configuration:
    /// `CC_OFFER_WITHIN_HOURS`, `CC_OFFER_HOLD_MINUTES`).
    pub fn with_offer_rule(mut self, rule: OfferRule) -> Store {
        self.offer_rule = rule;
        self
    }

    /// The same store with the booking guard removed: only for the race-control test, which
    /// shows that the rush test catches an oversell.
    pub fn without_booking_guard_for_race_control(mut self) -> Store {
        self.booking_guard = BookingGuard::RemovedForRaceControl;
        self
    }

    /// The no-show rule in force.
    pub fn no_show_rule(&self) -> NoShowRule {
        self.no_show_rule
    }

    /// Applies the backend's pending migrations.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("../migrations/sqlite").run(&self.pool).await?,
            Backend::Postgres => sqlx::migrate!("../migrations/postgres").run(&self.pool).await?,
        }
        self.widen_staff_roles().await?;
        // Data every district starts with (written once; staff change it afterwards).
        self.ensure_fund_criteria().await?;
        self.ensure_fund_categories(cc_domain::time::now()).await
    }

    /// Which database this store talks to.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Answers when the database answers a trivial query (for `/healthz`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Closes every connection (lets SQLite checkpoint its WAL on shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// `sqlite://data/culture.db` → the same URL with `mode=rwc`, after creating `data/`.
fn sqlite_url_creating_folder(url: &str) -> String {
    let rest = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let (path, params) = rest.split_once('?').unwrap_or((rest, ""));
    if path != ":memory:" && !path.is_empty() {
        if let Some(parent) = std::path::Path::new(path).parent() {
            if !parent.as_os_str().is_empty() {
                let _ = std::fs::create_dir_all(parent);
            }
        }
    }
    let mut params: Vec<&str> = params.split('&').filter(|p| !p.is_empty()).collect();
    if !params.iter().any(|p| p.starts_with("mode=")) {
        params.push("mode=rwc");
    }
    format!("sqlite://{path}?{}", params.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_picks_the_backend() {
        assert_eq!(Backend::from_url("sqlite://data/x.db").unwrap(), Backend::Sqlite);
        assert_eq!(Backend::from_url("postgres://u@h/db").unwrap(), Backend::Postgres);
        assert!(Backend::from_url("mysql://u@h/db").is_err());
    }

    #[test]
    fn sqlite_urls_create_the_file_when_missing() {
        assert_eq!(sqlite_url_creating_folder("sqlite://t.db"), "sqlite://t.db?mode=rwc");
        assert_eq!(sqlite_url_creating_folder("sqlite://t.db?mode=ro"), "sqlite://t.db?mode=ro");
    }
}

impl Store {
    /// Starts a transaction for a batch of writes. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a deferred transaction that reads and then writes fails with
    /// "database is locked" when another writer got in between, whatever the busy timeout.
    pub async fn begin(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, StoreError> {
        Ok(match self.backend() {
            crate::Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            crate::Backend::Postgres => self.pool.begin().await?,
        })
    }
}
