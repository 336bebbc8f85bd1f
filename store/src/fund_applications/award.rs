//! The committee's decision: an amount proposed for an application in review, checked against
//! the request, the category's cap and what is left of the call's budget in the transaction
//! that writes it — with the call's row locked on PostgreSQL, and SQLite's one writer — so two
//! decisions at once never spend the same money; or a decline.

use cc_domain::fund::{check_award, AppStatus, AwardRefused, Fen, COMMITTED};
use cc_domain::ids::FundApplicationId;

use crate::{Backend, Store, StoreError};

/// What proposing an amount came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proposed {
    Proposed,
    /// Not in review (any more).
    NotNow,
    Refused(AwardRefused),
}

/// The statuses that hold money of a call, as SQL (`'proposed', 'in_notice', …`).
pub(crate) fn committed_statuses() -> String {
    COMMITTED.iter().map(|s| format!("'{}'", s.as_str())).collect::<Vec<_>>().join(", ")
}

impl Store {
    /// Proposes `amount` for application `id`, in review.
    pub async fn propose_fund_award(&self, id: FundApplicationId, amount: Fen, now: i64) -> Result<Proposed, StoreError> {
        let mut tx = self.begin().await?;
        let lock = if self.backend() == Backend::Postgres { " FOR UPDATE" } else { "" };
        let call: Option<(i64, i64)> = sqlx::query_as(&format!(
            "SELECT c.id, c.budget_fen FROM fund_calls c WHERE c.id = (SELECT call_id FROM fund_applications WHERE id = $1){lock}"
        ))
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((call, budget)) = call else { return Ok(Proposed::NotNow) };
        let application: Option<(String, Option<i64>, i64)> = sqlx::query_as(
            "SELECT a.status, a.requested_fen, k.cap_fen FROM fund_applications a JOIN fund_categories k ON k.id = a.category_id WHERE a.id = $1",
        )
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((status, Some(requested), cap)) = application else { return Ok(Proposed::NotNow) };
        if status != AppStatus::InReview.as_str() {
            return Ok(Proposed::NotNow);
        }
        let (committed,): (i64,) = sqlx::query_as(&format!(
            "SELECT CAST(COALESCE(SUM(award_fen), 0) AS BIGINT) FROM fund_applications WHERE call_id = $1 AND status IN ({})",
            committed_statuses()
        ))
        .bind(call)
        .fetch_one(&mut *tx)
        .await?;
        if let Err(refused) = check_award(amount, Fen(requested), Fen(cap), Fen(budget - committed)) {
            return Ok(Proposed::Refused(refused));
        }
        let done = sqlx::query(
            "UPDATE fund_applications SET status = 'proposed', award_fen = $2, decided_at = $3, updated_at = $3 \
             WHERE id = $1 AND status = 'in_review'",
        )
        .bind(id.0)
        .bind(amount.0)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(Proposed::NotNow);
        }
        tx.commit().await?;
        Ok(Proposed::Proposed)
    }
}
