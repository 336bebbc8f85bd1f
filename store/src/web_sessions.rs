//! Login sessions as rows, so every server on one database shares them (see `cc-auth`).

use cc_domain::ids::ResidentId;

use crate::residents::is_unique_violation;
use crate::{Store, StoreError};

impl Store {
    /// Adds a session (of `resident`, when a resident is logged in to it); `false` when the id
    /// is taken (the caller draws another).
    pub async fn insert_web_session(
        &self,
        id: &str,
        data: &str,
        expires_at: i64,
        resident: Option<ResidentId>,
    ) -> Result<bool, StoreError> {
        let inserted =
            sqlx::query("INSERT INTO web_sessions (id, data, expires_at, resident_id) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(data)
                .bind(expires_at)
                .bind(resident.map(|r| r.0))
                .execute(&self.pool)
                .await;
        match inserted {
            Ok(_) => Ok(true),
            Err(e) if is_unique_violation(&e) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Writes a session (of `resident`, when a resident is logged in to it), adding it when it
    /// is new.
    pub async fn save_web_session(
        &self,
        id: &str,
        data: &str,
        expires_at: i64,
        resident: Option<ResidentId>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO web_sessions (id, data, expires_at, resident_id) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at, \
             resident_id = excluded.resident_id",
        )
        .bind(id)
        .bind(data)
        .bind(expires_at)
        .bind(resident.map(|r| r.0))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A session's data and expiry, unless it has expired by `now`.
    pub async fn load_web_session(&self, id: &str, now: i64) -> Result<Option<(String, i64)>, StoreError> {
        Ok(sqlx::query_as("SELECT data, expires_at FROM web_sessions WHERE id = $1 AND expires_at > $2")
            .bind(id)
            .bind(now)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Ends a session.
    pub async fn delete_web_session(&self, id: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM web_sessions WHERE id = $1").bind(id).execute(&self.pool).await?;
        Ok(())
    }

    /// Forgets sessions that expired before `now`; returns how many.
    pub async fn delete_expired_web_sessions(&self, now: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM web_sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}

impl Store {
    /// The setting `key`, storing `make()` first when there is none yet; every server on one
    /// database gets the same value.
    pub async fn setting_or_insert(
        &self,
        key: &str,
        make: impl FnOnce() -> String,
    ) -> Result<String, StoreError> {
        sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
            .bind(key)
            .bind(make())
            .execute(&self.pool)
            .await?;
        let (value,): (String,) = sqlx::query_as("SELECT value FROM settings WHERE key = $1")
            .bind(key)
            .fetch_one(&self.pool)
            .await?;
        Ok(value)
    }
}
