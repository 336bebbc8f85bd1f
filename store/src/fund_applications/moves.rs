//! Moving an application from one status to another (the caller asked `domain::fund::next`
//! where to): only from the status it read, so a move made meanwhile is never undone, and the
//! unit's contact is told of staff's moves in the same transaction.

use cc_domain::fund::{AppStatus, Fen};
use cc_domain::ids::{FundApplicationId, OrganisationId};
use cc_domain::messages::MessageKind;

use crate::{Store, StoreError};

/// A move and what it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move<'a> {
    /// The unit sends it, its amounts read in fen.
    Submit { unit: OrganisationId, requested: Fen, cofunding: Fen },
    /// The unit takes it back.
    Withdraw { unit: OrganisationId },
    /// Staff send it back for completion with their comment.
    Return { comment: &'a str },
    /// Staff decline it, saying why (the committee's decision, or an objection upheld).
    Decline { reason: &'a str },
    /// Staff publish the proposed award until the notice ends (UTC seconds).
    Publish { until: i64 },
    /// The notice ended with every objection answered: the award is final.
    Finalise,
}

impl<'a> Move<'a> {
    /// The columns it writes: the unit (whose it must be), requested, co-funding, the notice's end.
    fn columns(self) -> (Option<i64>, Option<i64>, Option<i64>, Option<i64>) {
        match self {
            Move::Submit { unit, requested, cofunding } => (Some(unit.0), Some(requested.0), Some(cofunding.0), None),
            Move::Withdraw { unit } => (Some(unit.0), None, None, None),
            Move::Publish { until } => (None, None, None, Some(until)),
            Move::Return { .. } | Move::Decline { .. } | Move::Finalise => (None, None, None, None),
        }
    }

    /// Staff's words, kept on the application and told to the unit.
    fn words(self) -> Option<&'a str> {
        match self {
            Move::Return { comment } => Some(comment),
            Move::Decline { reason } => Some(reason),
            _ => None,
        }
    }

    /// What the unit is told of it: staff's moves only.
    fn news(self) -> Option<MessageKind> {
        match self {
            Move::Return { .. } => Some(MessageKind::ApplicationReturned),
            Move::Decline { .. } | Move::Publish { .. } | Move::Finalise => Some(MessageKind::FundDecision),
            Move::Submit { .. } | Move::Withdraw { .. } => None,
        }
    }
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
        let (unit, requested, cofunding, notice_until) = change.columns();
        // One statement for every move: what a move does not write stays as it was.
        let done = sqlx::query(
            "UPDATE fund_applications SET status = $3, updated_at = $4, requested_fen = COALESCE($5, requested_fen), \
             cofunding_fen = COALESCE($6, cofunding_fen), submitted_at = CASE WHEN $5 IS NULL THEN submitted_at ELSE $4 END, \
             comment = COALESCE($7, comment), notice_until = COALESCE($9, notice_until) \
             WHERE id = $1 AND status = $2 AND organisation_id = COALESCE($8, organisation_id) \
             AND ($10 = 0 OR (notice_until <= $4 AND NOT EXISTS (SELECT 1 FROM fund_objections o \
             WHERE o.application_id = $1 AND (o.answered_at IS NULL OR o.upheld = 1))))",
        )
        .bind(id.0)
        .bind(from.as_str())
        .bind(to.as_str())
        .bind(now)
        .bind(requested)
        .bind(cofunding)
        .bind(change.words())
        .bind(unit)
        .bind(notice_until)
        // An award becomes final only past its notice with no objection open or upheld, checked
        // in the statement that makes it final.
        .bind(i64::from(change == Move::Finalise))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        if let Some(kind) = change.news() {
            let to = (kind == MessageKind::FundDecision).then_some(to);
            super::money::tell_unit(&mut tx, id, kind, to, change.words(), now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}
