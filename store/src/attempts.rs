//! Attempts counted per key in the database, so every server shares the count and a burst
//! cannot slip between reading and writing it: one statement adds the attempt and returns the
//! new count. A key's window starts at its first attempt and lasts `window_secs`.

use crate::{Store, StoreError};

impl Store {
    /// Counts one attempt for `key` at `now`; returns how many the window holds with it.
    pub async fn count_attempt(&self, key: &str, window_secs: i64, now: i64) -> Result<i64, StoreError> {
        let (tries,): (i64,) = sqlx::query_as(
            "INSERT INTO attempts (key, tries, window_ends_at) VALUES ($1, 1, $2) \
             ON CONFLICT (key) DO UPDATE SET \
             tries = CASE WHEN attempts.window_ends_at <= $3 THEN 1 ELSE attempts.tries + 1 END, \
             window_ends_at = CASE WHEN attempts.window_ends_at <= $3 THEN $2 ELSE attempts.window_ends_at END \
             RETURNING tries",
        )
        .bind(key)
        .bind(now + window_secs)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(tries)
    }

    /// Takes back one attempt (a success that should not count against a shared address).
    pub async fn refund_attempt(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE attempts SET tries = tries - 1 WHERE key = $1 AND tries > 0")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Forgets a key's attempts (after a successful login).
    pub async fn forget_attempts(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM attempts WHERE key = $1").bind(key).execute(&self.pool).await?;
        Ok(())
    }

    /// Removes windows that have ended (the minute sweep); returns how many.
    pub async fn delete_ended_attempt_windows(&self, now: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM attempts WHERE window_ends_at <= $1").bind(now).execute(&self.pool).await?;
        Ok(done.rows_affected())
    }
}
