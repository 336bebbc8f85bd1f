//! Organisations: a resident registers the unit they are the contact of (one unit per contact
//! account, one registration per credit code — the unique keys decide a race), changes and
//! resubmits it while it waits or after a rejection, and district staff decide on it; the
//! contact is told in the transaction that decides.

use cc_domain::ids::{OrganisationId, ResidentId, StaffId};
use cc_domain::messages::MessageKind;
use cc_domain::organisation::{CheckedOrganisation, CreditCode, OrgKind, OrgStatus, Organisation};

use crate::messages::{tell, News};
use crate::{Store, StoreError};

/// What registering came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterOutcome {
    Registered(OrganisationId),
    /// Another unit holds this credit code.
    CodeTaken,
    /// This resident is the contact of a unit already.
    HasOne,
}

/// What resubmitting came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResubmitOutcome {
    Resubmitted,
    /// The resident is nobody's contact.
    None,
    /// Verified or disabled units are not changed by their contact.
    Settled(OrgStatus),
    CodeTaken,
}

const COLUMNS: &str = "o.id, o.name, o.credit_code, o.kind, o.contact_name, r.phone, o.status, o.status_reason, o.created_at, o.decided_at";

type Row = (i64, String, String, String, String, String, String, Option<String>, i64, Option<i64>);

fn organisation(row: Row) -> Organisation {
    let (id, name, code, kind, contact_name, phone, status, reason, created_at, decided_at) = row;
    Organisation {
        id: OrganisationId(id),
        name,
        credit_code: CreditCode::from_stored(code),
        kind: OrgKind::parse(&kind).unwrap_or(OrgKind::SocialOrganisation),
        contact_name,
        contact_phone: cc_domain::account::mask_phone(&phone),
        status: OrgStatus::parse(&status).unwrap_or(OrgStatus::Pending),
        status_reason: reason,
        created_at,
        decided_at,
    }
}

impl Store {
    /// Registers a unit with `contact` as its contact person; it waits for district staff.
    pub async fn register_organisation(
        &self,
        contact: ResidentId,
        org: &CheckedOrganisation,
        now: i64,
    ) -> Result<RegisterOutcome, StoreError> {
        let mut tx = self.begin().await?;
        let mine: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM organisations WHERE contact_id = $1").bind(contact.0).fetch_optional(&mut *tx).await?;
        if mine.is_some() {
            return Ok(RegisterOutcome::HasOne);
        }
        // The unique keys decide between two registrations at once: the second inserts nothing.
        let id: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO organisations (name, credit_code, kind, contact_name, contact_id, status, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6) ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(&org.name)
        .bind(org.credit_code.as_str())
        .bind(org.kind.as_str())
        .bind(&org.contact_name)
        .bind(contact.0)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id,)) = id else {
            let mine: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM organisations WHERE contact_id = $1").bind(contact.0).fetch_optional(&mut *tx).await?;
            return Ok(if mine.is_some() { RegisterOutcome::HasOne } else { RegisterOutcome::CodeTaken });
        };
        tx.commit().await?;
        Ok(RegisterOutcome::Registered(OrganisationId(id)))
    }

    /// The unit `contact` is the contact person of, if any.
    pub async fn organisation_of(&self, contact: ResidentId) -> Result<Option<Organisation>, StoreError> {
        let row: Option<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM organisations o JOIN residents r ON r.id = o.contact_id WHERE o.contact_id = $1"
        ))
        .bind(contact.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(organisation))
    }

    /// One unit.
    pub async fn organisation(&self, id: OrganisationId) -> Result<Option<Organisation>, StoreError> {
        let row: Option<Row> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM organisations o JOIN residents r ON r.id = o.contact_id WHERE o.id = $1"))
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(organisation))
    }

    /// Units for staff, those waiting first, then the newest; only `status` ones when given.
    pub async fn organisations(&self, status: Option<OrgStatus>, limit: i64) -> Result<Vec<Organisation>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM organisations o JOIN residents r ON r.id = o.contact_id \
             WHERE o.status = COALESCE($1, o.status) \
             ORDER BY CASE o.status WHEN 'pending' THEN 0 ELSE 1 END, o.id DESC LIMIT $2"
        ))
        .bind(status.map(OrgStatus::as_str))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(organisation).collect())
    }

    /// Changes the contact's unit and puts it back in line for staff, while it waits or after
    /// a rejection.
    pub async fn resubmit_organisation(
        &self,
        contact: ResidentId,
        org: &CheckedOrganisation,
        now: i64,
    ) -> Result<ResubmitOutcome, StoreError> {
        let Some(current) = self.organisation_of(contact).await? else { return Ok(ResubmitOutcome::None) };
        if !current.status.editable_by_contact() {
            return Ok(ResubmitOutcome::Settled(current.status));
        }
        let taken: Option<(i64,)> = sqlx::query_as("SELECT id FROM organisations WHERE credit_code = $1 AND id <> $2")
            .bind(org.credit_code.as_str())
            .bind(current.id.0)
            .fetch_optional(&self.pool)
            .await?;
        if taken.is_some() {
            return Ok(ResubmitOutcome::CodeTaken);
        }
        // The status in the WHERE: a decision made meanwhile is not undone.
        let done = sqlx::query(
            "UPDATE organisations SET name = $2, credit_code = $3, kind = $4, contact_name = $5, status = 'pending', \
             status_reason = NULL, updated_at = $6 WHERE id = $1 AND status IN ('pending', 'rejected')",
        )
        .bind(current.id.0)
        .bind(&org.name)
        .bind(org.credit_code.as_str())
        .bind(org.kind.as_str())
        .bind(&org.contact_name)
        .bind(now)
        .execute(&self.pool)
        .await;
        match done {
            Ok(done) if done.rows_affected() == 1 => Ok(ResubmitOutcome::Resubmitted),
            Ok(_) => Ok(ResubmitOutcome::Settled(self.organisation_of(contact).await?.map_or(OrgStatus::Verified, |o| o.status))),
            // Another unit took the code between the check and the update.
            Err(error) if error.as_database_error().is_some_and(|e| e.is_unique_violation()) => Ok(ResubmitOutcome::CodeTaken),
            Err(error) => Err(error.into()),
        }
    }

    /// Staff's decision on a unit (`to` from its current status, which the caller checked
    /// with `OrgStatus::may_become`); its contact is told in the same transaction. `false` when
    /// the unit is not there or was decided meanwhile.
    pub async fn decide_organisation(
        &self,
        id: OrganisationId,
        from: OrgStatus,
        to: OrgStatus,
        reason: Option<&str>,
        by: StaffId,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let done = sqlx::query(
            "UPDATE organisations SET status = $3, status_reason = $4, decided_by = $5, decided_at = $6, updated_at = $6 \
             WHERE id = $1 AND status = $2",
        )
        .bind(id.0)
        .bind(from.as_str())
        .bind(to.as_str())
        .bind(reason)
        .bind(by.0)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        let (contact, name): (i64, String) =
            sqlx::query_as("SELECT contact_id, name FROM organisations WHERE id = $1").bind(id.0).fetch_one(&mut *tx).await?;
        let news = News {
            resident: ResidentId(contact),
            kind: MessageKind::OrganisationDecided,
            title: &name,
            starts_at: None,
            booking: None,
            detail: reason,
            deadline: None,
            outcome: Some(to.as_str()),
        };
        tell(&mut tx, &news, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}
