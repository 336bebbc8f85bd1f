//! Resident accounts and pending phone verification codes. Hashing happens in the caller: the
//! store only keeps what it is given.

use cc_domain::account::PhoneNumber;
use cc_domain::time::now;

use crate::{Store, StoreError};

/// A resident's login record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResidentLogin {
    pub id: i64,
    pub password_hash: String,
}

/// A resident as their own pages show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resident {
    pub id: i64,
    /// The normalised number; mask it before showing it.
    pub phone: String,
    pub created_at: i64,
}

/// A pending verification code as stored (hashed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingCode {
    pub code_hash: String,
    pub sent_at: i64,
    pub expires_at: i64,
    pub attempts: i64,
}

impl Store {
    /// Adds a resident; `None` when the number already has an account.
    pub async fn create_resident(
        &self,
        phone: &PhoneNumber,
        password_hash: &str,
    ) -> Result<Option<i64>, StoreError> {
        let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
            "INSERT INTO residents (phone, password_hash, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(phone.as_str())
        .bind(password_hash)
        .bind(now())
        .fetch_one(&self.pool)
        .await;
        match inserted {
            Ok((id,)) => Ok(Some(id)),
            Err(e) if is_unique_violation(&e) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Adds `count` residents numbered from `first_phone` upwards, all with one password hash, in
    /// one transaction (load tests and benchmarks); returns their ids in order.
    pub async fn create_residents_in_bulk(
        &self,
        first_phone: u64,
        count: u64,
        password_hash: &str,
    ) -> Result<Vec<cc_domain::ids::ResidentId>, StoreError> {
        let mut tx = self.begin().await?;
        let mut ids = Vec::with_capacity(count as usize);
        for n in 0..count {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO residents (phone, password_hash, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (phone) DO UPDATE SET password_hash = excluded.password_hash RETURNING id",
            )
            .bind((first_phone + n).to_string())
            .bind(password_hash)
            .bind(now())
            .fetch_one(&mut *tx)
            .await?;
            ids.push(cc_domain::ids::ResidentId(id));
        }
        tx.commit().await?;
        Ok(ids)
    }

    /// Gives the account of `phone` a new password hash, ends every login session it has and
    /// spends the number's code, in one transaction; `None` when the number has no account.
    pub async fn reset_resident_password(
        &self,
        phone: &PhoneNumber,
        password_hash: &str,
    ) -> Result<Option<i64>, StoreError> {
        let mut tx = self.begin().await?;
        let row: Option<(i64,)> = sqlx::query_as("UPDATE residents SET password_hash = $1 WHERE phone = $2 RETURNING id")
            .bind(password_hash)
            .bind(phone.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        let Some((id,)) = row else { return Ok(None) };
        sqlx::query("DELETE FROM web_sessions WHERE resident_id = $1").bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM phone_codes WHERE phone = $1").bind(phone.as_str()).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// The login record for a number, if it has an account.
    pub async fn resident_login(&self, phone: &PhoneNumber) -> Result<Option<ResidentLogin>, StoreError> {
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT id, password_hash FROM residents WHERE phone = $1")
                .bind(phone.as_str())
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(id, password_hash)| ResidentLogin { id, password_hash }))
    }

    /// A resident by id.
    pub async fn resident(&self, id: i64) -> Result<Option<Resident>, StoreError> {
        let row: Option<(i64, String, i64)> =
            sqlx::query_as("SELECT id, phone, created_at FROM residents WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(id, phone, created_at)| Resident { id, phone, created_at }))
    }

    /// Replaces the number's pending code.
    pub async fn put_phone_code(
        &self,
        phone: &PhoneNumber,
        code_hash: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO phone_codes (phone, code_hash, sent_at, expires_at, attempts) VALUES ($1, $2, $3, $4, 0) \
             ON CONFLICT (phone) DO UPDATE SET code_hash = excluded.code_hash, sent_at = excluded.sent_at, \
             expires_at = excluded.expires_at, attempts = 0",
        )
        .bind(phone.as_str())
        .bind(code_hash)
        .bind(now())
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The number's pending code, counting this look-up as an attempt.
    pub async fn take_phone_code_attempt(
        &self,
        phone: &PhoneNumber,
    ) -> Result<Option<PendingCode>, StoreError> {
        let row: Option<(String, i64, i64, i64)> = sqlx::query_as(
            "UPDATE phone_codes SET attempts = attempts + 1 WHERE phone = $1 \
             RETURNING code_hash, sent_at, expires_at, attempts",
        )
        .bind(phone.as_str())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(code_hash, sent_at, expires_at, attempts)| PendingCode {
            code_hash,
            sent_at,
            expires_at,
            attempts,
        }))
    }

    /// Forgets the number's code once it has been used.
    pub async fn delete_phone_code(&self, phone: &PhoneNumber) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM phone_codes WHERE phone = $1")
            .bind(phone.as_str())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// Whether a database error is a unique-constraint violation (on either backend).
pub(crate) fn is_unique_violation(error: &sqlx::Error) -> bool {
    error.as_database_error().is_some_and(|e| e.is_unique_violation())
}
