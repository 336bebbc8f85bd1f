//! Staff second factors as stored: the TOTP secret, whether it was confirmed, the last time
//! step used (so a code works once, on every server), and one-time recovery codes (hashed).

use crate::{Store, StoreError};

/// A staff member's authenticator secret and whether it is in use yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSecondFactor {
    /// Base32, as authenticator apps take it.
    pub secret: String,
    /// Confirmed with a first code: from then on it is required at every login.
    pub confirmed: bool,
}

impl Store {
    /// The account's authenticator secret, if one was set up (confirmed or not).
    pub async fn second_factor(&self, staff_id: i64) -> Result<Option<StoredSecondFactor>, StoreError> {
        let row: Option<(Option<String>, Option<i64>)> =
            sqlx::query_as("SELECT totp_secret, totp_confirmed_at FROM staff_accounts WHERE id = $1")
                .bind(staff_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.and_then(|(secret, confirmed)| {
            secret.map(|secret| StoredSecondFactor { secret, confirmed: confirmed.is_some() })
        }))
    }

    /// Keeps a new, not yet confirmed secret; never replaces a confirmed one. Whether it was kept.
    pub async fn set_unconfirmed_second_factor(&self, staff_id: i64, secret: &str) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE staff_accounts SET totp_secret = $2, totp_last_step = 0 \
             WHERE id = $1 AND totp_confirmed_at IS NULL",
        )
        .bind(staff_id)
        .bind(secret)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Confirms the secret with the step of its first code and replaces the recovery codes, in
    /// one transaction. False if it was confirmed meanwhile (another tab, another server).
    pub async fn confirm_second_factor(
        &self,
        staff_id: i64,
        step: i64,
        recovery_hashes: &[String],
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let done = sqlx::query(
            "UPDATE staff_accounts SET totp_confirmed_at = $2, totp_last_step = $3 \
             WHERE id = $1 AND totp_confirmed_at IS NULL AND totp_secret IS NOT NULL",
        )
        .bind(staff_id)
        .bind(now)
        .bind(step)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM staff_recovery_codes WHERE staff_id = $1").bind(staff_id).execute(&mut *tx).await?;
        for hash in recovery_hashes {
            sqlx::query("INSERT INTO staff_recovery_codes (staff_id, code_hash) VALUES ($1, $2)")
                .bind(staff_id)
                .bind(hash)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Takes a time step for a login, atomically: true only if no code of this step or a later
    /// one was used before (a code seen over someone's shoulder cannot be replayed).
    pub async fn use_second_factor_step(&self, staff_id: i64, step: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE staff_accounts SET totp_last_step = $2 \
             WHERE id = $1 AND totp_confirmed_at IS NOT NULL AND totp_last_step < $2",
        )
        .bind(staff_id)
        .bind(step)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Uses a recovery code, once: true if it was one of the account's unused codes.
    pub async fn use_recovery_code(&self, staff_id: i64, code_hash: &str, now: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE staff_recovery_codes SET used_at = $3 WHERE staff_id = $1 AND code_hash = $2 AND used_at IS NULL",
        )
        .bind(staff_id)
        .bind(code_hash)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// How many recovery codes the account has left.
    pub async fn recovery_codes_left(&self, staff_id: i64) -> Result<i64, StoreError> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM staff_recovery_codes WHERE staff_id = $1 AND used_at IS NULL")
                .bind(staff_id)
                .fetch_one(&self.pool)
                .await?;
        Ok(n)
    }
}
