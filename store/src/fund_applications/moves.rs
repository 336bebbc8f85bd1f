//! Moving an application from one status to another (the caller asked `domain::fund::next`
//! where to): only from the status it read, so a move made meanwhile is never undone, and the
//! unit's contact is told of a return in the same transaction.

use cc_domain::fund::{AppStatus, Fen};
use cc_domain::ids::{FundApplicationId, OrganisationId, ResidentId};
use cc_domain::messages::MessageKind;

use crate::messages::{tell, News};
use crate::{Store, StoreError};

/// A move and what it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move<'a> {
    /// The unit sends it, its amounts read in fen.
    Submit { unit: OrganisationId, requested: Fen, cofunding: Fen },
    /// The unit takes it back.
    Withdraw { unit: OrganisationId },
    /// Staff send it back for completion with their comment; the unit is told.
    Return { comment: &'a str },
}

impl Store {
    /// Moves application `id` from `from` to `to`; `false` when it was not `from` (any more)
    /// or, for the unit's moves, not the unit's.
    pub async fn move_fund_application(
        &self,
        id: FundApplicationId,
        from: AppStatus,
        to: AppStatus,
        change: Move<'_>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let (unit, requested, cofunding, comment) = match change {
            Move::Submit { unit, requested, cofunding } => (Some(unit), Some(requested.0), Some(cofunding.0), None),
            Move::Withdraw { unit } => (Some(unit), None, None, None),
            Move::Return { comment } => (None, None, None, Some(comment)),
        };
        // One statement for every move: what a move does not write stays as it was.
        let done = sqlx::query(
            "UPDATE fund_applications SET status = $3, updated_at = $4, requested_fen = COALESCE($5, requested_fen), \
             cofunding_fen = COALESCE($6, cofunding_fen), submitted_at = CASE WHEN $5 IS NULL THEN submitted_at ELSE $4 END, \
             comment = COALESCE($7, comment) WHERE id = $1 AND status = $2 AND organisation_id = COALESCE($8, organisation_id)",
        )
        .bind(id.0)
        .bind(from.as_str())
        .bind(to.as_str())
        .bind(now)
        .bind(requested)
        .bind(cofunding)
        .bind(comment)
        .bind(unit.map(|u| u.0))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        if let Move::Return { comment } = change {
            let (contact, project): (i64, String) = sqlx::query_as(
                "SELECT o.contact_id, a.project FROM fund_applications a JOIN organisations o ON o.id = a.organisation_id WHERE a.id = $1",
            )
            .bind(id.0)
            .fetch_one(&mut *tx)
            .await?;
            let news = News {
                resident: ResidentId(contact),
                kind: MessageKind::ApplicationReturned,
                title: &project,
                starts_at: None,
                booking: None,
                detail: Some(comment),
                deadline: None,
                outcome: None,
            };
            tell(&mut tx, &news, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}
