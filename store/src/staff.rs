//! Staff accounts, their scope, and the append-only audit log.

use cc_domain::staff::{Place, Role, StaffScope};
use cc_domain::time::now;

pub use crate::audit::{AuditEntry, AuditFilter, AuditRecord};

use crate::residents::is_unique_violation;
use crate::{Store, StoreError};
use cc_domain::ids::{FacilityId, SessionId, StaffId};

/// A staff account to create.
#[derive(Debug, Clone)]
pub struct NewStaff<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub scope: &'a StaffScope,
    pub organisation: Option<&'a str>,
    pub created_by: Option<i64>,
}

/// What logging a staff member in needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffLogin {
    pub id: i64,
    pub password_hash: String,
    pub disabled: bool,
    /// Whether an authenticator app has been set up and confirmed with a first code.
    pub has_second_factor: bool,
}

/// A staff member as the console and the permission checks see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub scope: StaffScope,
    pub disabled: bool,
}

impl Store {
    /// Creates a staff account; `None` when the username is taken.
    pub async fn create_staff(&self, new: &NewStaff<'_>) -> Result<Option<i64>, StoreError> {
        let mut tx = self.begin().await?;
        let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
            "INSERT INTO staff_accounts (username, display_name, password_hash, role, street_id, organisation, \
             created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(new.username)
        .bind(new.display_name)
        .bind(new.password_hash)
        .bind(new.scope.role.as_str())
        .bind(new.scope.street_id)
        .bind(new.organisation)
        .bind(now())
        .bind(new.created_by)
        .fetch_one(&mut *tx)
        .await;
        let id = match inserted {
            Ok((id,)) => id,
            Err(e) if is_unique_violation(&e) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        for facility in &new.scope.facility_ids {
            sqlx::query("INSERT INTO staff_facilities (staff_id, facility_id) VALUES ($1, $2)")
                .bind(id)
                .bind(facility)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(Some(id))
    }

    /// The login record for a username.
    pub async fn staff_login(&self, username: &str) -> Result<Option<StaffLogin>, StoreError> {
        let row: Option<(i64, String, i64, Option<i64>)> = sqlx::query_as(
            "SELECT id, password_hash, disabled, totp_confirmed_at FROM staff_accounts WHERE username = $1",
        )
        .bind(username)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id, password_hash, disabled, confirmed)| StaffLogin {
            id,
            password_hash,
            disabled: disabled == 1,
            has_second_factor: confirmed.is_some(),
        }))
    }

    /// A staff member with their scope.
    pub async fn staff_member(&self, StaffId(id): StaffId) -> Result<Option<StaffMember>, StoreError> {
        let row: Option<(i64, String, String, String, Option<i64>, i64)> = sqlx::query_as(
            "SELECT id, username, display_name, role, street_id, disabled FROM staff_accounts WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some((id, username, display_name, role, street_id, disabled)) = row else { return Ok(None) };
        let role = Role::parse(&role).ok_or(StoreError::Conflict("unknown staff role"))?;
        let facilities: Vec<(i64,)> = sqlx::query_as(
            "SELECT facility_id FROM staff_facilities WHERE staff_id = $1 ORDER BY facility_id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let scope =
            StaffScope { role, street_id, facility_ids: facilities.into_iter().map(|(f,)| f).collect() };
        Ok(Some(StaffMember { id, username, display_name, scope, disabled: disabled == 1 }))
    }

    /// Every staff account with its scope, by username.
    pub async fn staff_members(&self) -> Result<Vec<StaffMember>, StoreError> {
        let rows: Vec<(i64, String, String, String, Option<i64>, i64)> = sqlx::query_as(
            "SELECT id, username, display_name, role, street_id, disabled FROM staff_accounts ORDER BY username",
        )
        .fetch_all(&self.pool)
        .await?;
        let links: Vec<(i64, i64)> =
            sqlx::query_as("SELECT staff_id, facility_id FROM staff_facilities ORDER BY facility_id")
                .fetch_all(&self.pool)
                .await?;
        let mut members = Vec::with_capacity(rows.len());
        for (id, username, display_name, role, street_id, disabled) in rows {
            let role = Role::parse(&role).ok_or(StoreError::Conflict("unknown staff role"))?;
            let facility_ids = links.iter().filter(|(staff, _)| *staff == id).map(|(_, f)| *f).collect();
            let scope = StaffScope { role, street_id, facility_ids };
            members.push(StaffMember { id, username, display_name, scope, disabled: disabled == 1 });
        }
        Ok(members)
    }

    /// Streets as (id, name), in display order.
    pub async fn street_choices(&self) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(sqlx::query_as("SELECT id, name FROM streets ORDER BY position, id").fetch_all(&self.pool).await?)
    }

    /// Disables (or re-enables) an account; a disabled account's sessions stop working at once.
    pub async fn set_staff_disabled(&self, StaffId(id): StaffId, disabled: bool) -> Result<bool, StoreError> {
        let done = sqlx::query("UPDATE staff_accounts SET disabled = $1 WHERE id = $2")
            .bind(i64::from(disabled))
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A street's id by its slug.
    pub async fn street_id(&self, slug: &str) -> Result<Option<i64>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM streets WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(id,)| id))
    }

    /// A street's slug by its id.
    pub async fn street_slug(&self, id: i64) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = sqlx::query_as("SELECT slug FROM streets WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(slug,)| slug))
    }

    /// Where a session is held: its facility and street.
    pub async fn session_place(&self, SessionId(session_id): SessionId) -> Result<Option<Place>, StoreError> {
        let row: Option<(i64, i64)> = sqlx::query_as(
            "SELECT f.id, f.street_id FROM sessions s JOIN service_items i ON i.id = s.item_id \
             JOIN facilities f ON f.id = i.facility_id WHERE s.id = $1",
        )
        .bind(session_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(facility_id, street_id)| Place { facility_id, street_id }))
    }

    /// Where a facility is: itself and its street.
    pub async fn facility_place(
        &self,
        FacilityId(facility_id): FacilityId,
    ) -> Result<Option<Place>, StoreError> {
        let row: Option<(i64, i64)> = sqlx::query_as("SELECT id, street_id FROM facilities WHERE id = $1")
            .bind(facility_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(facility_id, street_id)| Place { facility_id, street_id }))
    }
}
