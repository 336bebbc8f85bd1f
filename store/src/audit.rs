//! The audit log: every staff write and refusal, append-only in the database itself.

use cc_domain::time::now;

use crate::{Store, StoreError};

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuditEntry {
    pub staff_id: Option<i64>,
    pub role: String,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<i64>,
    /// JSON of the object before and after the change.
    pub before: Option<String>,
    pub after: Option<String>,
    pub client: String,
    /// An attempt that was refused (outside the staff member's scope).
    pub refused: bool,
}

/// An audit line as read back, with when and by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub id: i64,
    /// UTC seconds.
    pub at: i64,
    pub username: Option<String>,
    pub entry: AuditEntry,
}

/// Which audit lines to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub username: Option<String>,
    pub action: Option<String>,
    pub refused_only: bool,
    /// Lines older than this id (the next page).
    pub before_id: Option<i64>,
}

impl Store {
    /// Adds a line to the audit log (the database refuses to change or delete one).
    pub async fn append_audit(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO audit_log (at, staff_id, role, action, object_type, object_id, before, after, client, refused) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(now())
        .bind(entry.staff_id)
        .bind(&entry.role)
        .bind(&entry.action)
        .bind(&entry.object_type)
        .bind(entry.object_id)
        .bind(&entry.before)
        .bind(&entry.after)
        .bind(&entry.client)
        .bind(i64::from(entry.refused))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The latest audit lines, newest first, optionally of one staff member.
    pub async fn audit_entries(
        &self,
        staff_id: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let rows: Vec<AuditRow> = sqlx::query_as(
            "SELECT staff_id, role, action, object_type, object_id, before, after, client, refused FROM audit_log \
             WHERE ($1 IS NULL OR staff_id = $1) ORDER BY id DESC LIMIT $2",
        )
        .bind(staff_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(audit_entry).collect())
    }

    /// A page of the log, newest first, filtered.
    pub async fn audit_records(
        &self,
        filter: &AuditFilter,
        limit: i64,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        let rows: Vec<RecordRow> =
            sqlx::query_as(
                "SELECT a.id, a.at, s.username, a.staff_id, a.role, a.action, a.object_type, a.object_id, a.before, \
                 a.after, a.client, a.refused FROM audit_log a LEFT JOIN staff_accounts s ON s.id = a.staff_id \
                 WHERE ($1 = '' OR s.username = $1) AND ($2 = '' OR a.action = $2) AND ($3 = 0 OR a.refused = 1) \
                 AND a.id < $4 ORDER BY a.id DESC LIMIT $5",
            )
            .bind(filter.username.clone().unwrap_or_default())
            .bind(filter.action.clone().unwrap_or_default())
            .bind(i64::from(filter.refused_only))
            .bind(filter.before_id.unwrap_or(i64::MAX))
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| AuditRecord {
                id: r.id,
                at: r.at,
                username: r.username,
                entry: AuditEntry {
                    staff_id: r.staff_id,
                    role: r.role,
                    action: r.action,
                    object_type: r.object_type,
                    object_id: r.object_id,
                    before: r.before,
                    after: r.after,
                    client: r.client,
                    refused: r.refused == 1,
                },
            })
            .collect())
    }
}

#[derive(sqlx::FromRow)]
struct RecordRow {
    id: i64,
    at: i64,
    username: Option<String>,
    staff_id: Option<i64>,
    role: String,
    action: String,
    object_type: String,
    object_id: Option<i64>,
    before: Option<String>,
    after: Option<String>,
    client: String,
    refused: i64,
}

type AuditRow =
    (Option<i64>, String, String, String, Option<i64>, Option<String>, Option<String>, String, i64);

fn audit_entry(row: AuditRow) -> AuditEntry {
    let (staff_id, role, action, object_type, object_id, before, after, client, refused) = row;
    AuditEntry {
        staff_id,
        role,
        action,
        object_type,
        object_id,
        before,
        after,
        client,
        refused: refused == 1,
    }
}
