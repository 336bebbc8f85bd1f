//! Fresh databases for tests: every test gets its own, on the backend named by
//! `CC_TEST_BACKEND` (`sqlite`, the default, or `postgres`).
//!
//! PostgreSQL tests create a new database on the server at `CC_TEST_POSTGRES_URL`
//! (default `postgres://postgres@127.0.0.1:5432/test`), so runs never see each other's rows.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::{Connection, Executor};

use crate::{Store, StoreError};

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("cc_test_{}_{}_{nanos}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// The backend tests run on, from `CC_TEST_BACKEND`.
pub fn test_backend() -> String {
    std::env::var("CC_TEST_BACKEND").unwrap_or_else(|_| "sqlite".into())
}

/// A URL for a new, empty database on the test backend.
pub async fn fresh_database_url() -> Result<String, StoreError> {
    let name = unique_name();
    if test_backend() == "postgres" {
        sqlx::any::install_default_drivers();
        let admin_url = std::env::var("CC_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
        let mut admin = sqlx::AnyConnection::connect(&admin_url).await?;
        admin.execute(format!("CREATE DATABASE {name}").as_str()).await?;
        admin.close().await?;
        let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(base, _)| base);
        Ok(format!("{base}/{name}"))
    } else {
        let path = std::env::temp_dir().join(format!("{name}.db"));
        Ok(format!("sqlite://{}", path.display()))
    }
}

/// A migrated, empty store on the test backend.
pub async fn fresh_store() -> Result<Store, StoreError> {
    let store = Store::connect(&fresh_database_url().await?).await?;
    store.migrate().await?;
    Ok(store)
}

/// [`fresh_store`] with a pool of `connections` (a race needs more than the default).
pub async fn fresh_store_with(connections: u32) -> Result<Store, StoreError> {
    let store = Store::connect_with(&fresh_database_url().await?, Some(connections)).await?;
    store.migrate().await?;
    Ok(store)
}

/// A district admin for tests that need a staff member's id (a check-in's `checked_in_by`);
/// their password hash is never checked.
pub async fn district_admin(store: &Store, username: &str) -> Result<i64, StoreError> {
    use cc_domain::staff::{Role, StaffScope};
    let scope = StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] };
    let new = crate::staff::NewStaff {
        username,
        display_name: username,
        password_hash: "$argon2id$unused",
        scope: &scope,
        organisation: None,
        created_by: None,
    };
    store.create_staff(&new).await?.ok_or(StoreError::Conflict("the username is taken"))
}

impl Store {
    /// Moves a session's bookings `seconds` into the past (as if made earlier), for tests of
    /// rules that look at when a booking was made.
    pub async fn backdate_bookings(&self, session: cc_domain::ids::SessionId, seconds: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE bookings SET created_at = created_at - $2, updated_at = updated_at - $2 WHERE session_id = $1")
            .bind(session.0)
            .bind(seconds)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends an application's public notice now (as if its days had passed), for tests of what
    /// may happen after it.
    pub async fn end_fund_notice(&self, id: cc_domain::ids::FundApplicationId, now: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE fund_applications SET notice_until = $2 WHERE id = $1 AND notice_until IS NOT NULL")
            .bind(id.0)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
