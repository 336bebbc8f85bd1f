//! Files attached to applications, kept in the database so that every server can serve them.
//! The count per application is taken in the transaction that adds one, with the application
//! locked on PostgreSQL, so parallel uploads cannot pass the limit.

use cc_domain::fund::{AttachmentKind, MAX_ATTACHMENTS};
use cc_domain::ids::{AttachmentId, FundApplicationId, OrganisationId};

use super::Attached;
use crate::{Backend, Store, StoreError};

/// A file to attach: recognised as `kind`, its name made safe.
#[derive(Debug, Clone, Copy)]
pub struct NewAttachment<'a> {
    /// The required attachment it answers, or empty.
    pub label: &'a str,
    pub file_name: &'a str,
    pub kind: AttachmentKind,
    pub bytes: &'a [u8],
}

/// A file to send back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentFile {
    pub file_name: String,
    pub kind: AttachmentKind,
    pub bytes: Vec<u8>,
}

impl Store {
    /// Attaches a file to the unit's application while it is a draft or returned.
    pub async fn attach_to_fund_application(
        &self,
        id: FundApplicationId,
        unit: OrganisationId,
        file: NewAttachment<'_>,
        now: i64,
    ) -> Result<Attached, StoreError> {
        let mut tx = self.begin().await?;
        let lock = if self.backend() == Backend::Postgres { " FOR UPDATE" } else { "" };
        let editable: Option<(i64,)> = sqlx::query_as(&format!(
            "SELECT id FROM fund_applications WHERE id = $1 AND organisation_id = $2 AND status IN ('draft', 'returned'){lock}"
        ))
        .bind(id.0)
        .bind(unit.0)
        .fetch_optional(&mut *tx)
        .await?;
        if editable.is_none() {
            return Ok(Attached::NotEditable);
        }
        let (count,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM fund_attachments WHERE application_id = $1").bind(id.0).fetch_one(&mut *tx).await?;
        if count >= MAX_ATTACHMENTS as i64 {
            return Ok(Attached::Full);
        }
        let (attachment,): (i64,) = sqlx::query_as(
            "INSERT INTO fund_attachments (application_id, label, file_name, content_type, size, bytes, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(id.0)
        .bind(file.label)
        .bind(file.file_name)
        .bind(file.kind.content_type())
        .bind(file.bytes.len() as i64)
        .bind(file.bytes)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("UPDATE fund_applications SET updated_at = $2 WHERE id = $1").bind(id.0).bind(now).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(Attached::Attached(AttachmentId(attachment)))
    }

    /// A file of application `id`.
    pub async fn fund_attachment(&self, id: FundApplicationId, attachment: AttachmentId) -> Result<Option<AttachmentFile>, StoreError> {
        let row: Option<(String, String, Vec<u8>)> =
            sqlx::query_as("SELECT file_name, content_type, bytes FROM fund_attachments WHERE id = $1 AND application_id = $2")
                .bind(attachment.0)
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.and_then(|(file_name, content_type, bytes)| {
            Some(AttachmentFile { file_name, kind: AttachmentKind::from_content_type(&content_type)?, bytes })
        }))
    }

    /// Removes a file from the unit's application while it is a draft or returned; `false`
    /// when there was no such file to remove.
    pub async fn detach_from_fund_application(
        &self,
        id: FundApplicationId,
        unit: OrganisationId,
        attachment: AttachmentId,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "DELETE FROM fund_attachments WHERE id = $1 AND application_id = (SELECT id FROM fund_applications \
             WHERE id = $2 AND organisation_id = $3 AND status IN ('draft', 'returned'))",
        )
        .bind(attachment.0)
        .bind(id.0)
        .bind(unit.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
