//! Money after an award, each step one transaction that also tells the unit: the agreement
//! with the first payment, a later stage released (once: the payment's key decides a race),
//! acceptance with the last payment, or money reclaimed; and the unit's reports.

use cc_domain::fund::payments::{Agreement, Payment, Report, ReportKind, Stage};
use cc_domain::fund::{AppStatus, Fen};
use cc_domain::ids::{FundApplicationId, OrganisationId, ResidentId, StaffId};
use cc_domain::messages::MessageKind;
use sqlx::AnyConnection;

use crate::messages::{tell, News};
use crate::{Store, StoreError};

/// A step of the money's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyStep<'a> {
    /// The agreement is signed and the first stage paid: awarded → contracted.
    Sign { agreement: &'a Agreement, first: Fen },
    /// A later stage is paid on `evidence`; contracted stays contracted.
    Release { stage: Stage, amount: Fen, evidence: &'a str },
    /// The final report is accepted and the last stage paid: contracted → completed.
    Accept { last: Fen, evidence: &'a str },
    /// Money paid is reclaimed: contracted → clawed back.
    ClawBack { amount: Fen, reason: &'a str },
}

impl Store {
    /// Takes `step` for application `id` by `staff`; `false` when the application is not where
    /// the step starts (any more), or the stage was paid meanwhile.
    pub async fn fund_money_step(&self, id: FundApplicationId, step: MoneyStep<'_>, staff: StaffId, now: i64) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let (from, to) = match step {
            MoneyStep::Sign { .. } => (AppStatus::Awarded, AppStatus::Contracted),
            MoneyStep::Release { .. } => (AppStatus::Contracted, AppStatus::Contracted),
            MoneyStep::Accept { .. } => (AppStatus::Contracted, AppStatus::Completed),
            MoneyStep::ClawBack { .. } => (AppStatus::Contracted, AppStatus::ClawedBack),
        };
        let (number, signed_on) = match step {
            MoneyStep::Sign { agreement, .. } => (Some(agreement.number.as_str()), Some(agreement.signed_on.to_string())),
            _ => (None, None),
        };
        let (clawback, reason) = match step {
            MoneyStep::ClawBack { amount, reason } => (Some(amount.0), Some(reason)),
            _ => (None, None),
        };
        let moved = sqlx::query(
            "UPDATE fund_applications SET status = $3, updated_at = $4, agreement_no = COALESCE($5, agreement_no), \
             agreement_signed_on = COALESCE($6, agreement_signed_on), clawback_fen = COALESCE($7, clawback_fen), \
             clawback_reason = COALESCE($8, clawback_reason) WHERE id = $1 AND status = $2",
        )
        .bind(id.0)
        .bind(from.as_str())
        .bind(to.as_str())
        .bind(now)
        .bind(number)
        .bind(signed_on)
        .bind(clawback)
        .bind(reason)
        .execute(&mut *tx)
        .await?;
        if moved.rows_affected() == 0 {
            return Ok(false);
        }
        let evidence_of_signing;
        let payment = match step {
            MoneyStep::Sign { agreement, first } => {
                evidence_of_signing = format!("协议 {}", agreement.number);
                Some((Stage::Signing, first, evidence_of_signing.as_str()))
            }
            MoneyStep::Release { stage, amount, evidence } => Some((stage, amount, evidence)),
            MoneyStep::Accept { last, evidence } => Some((Stage::Acceptance, last, evidence)),
            MoneyStep::ClawBack { .. } => None,
        };
        if let Some((stage, amount, evidence)) = payment {
            if !pay(&mut tx, id, stage, amount, evidence, staff, now).await? {
                return Ok(false);
            }
        }
        let detail = match step {
            MoneyStep::ClawBack { reason, .. } => Some(reason),
            _ => None,
        };
        tell_unit(&mut tx, id, MessageKind::FundDecision, Some(to), detail, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The unit sends (or sends again) a report on its application, while it is contracted and
    /// no payment was released on it yet (what staff paid on stays as they read it).
    pub async fn submit_fund_report(
        &self,
        id: FundApplicationId,
        unit: OrganisationId,
        kind: ReportKind,
        body: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO fund_reports (application_id, kind, body, submitted_at) SELECT $1, $3, $4, $5 \
             WHERE EXISTS (SELECT 1 FROM fund_applications WHERE id = $1 AND organisation_id = $2 AND status = 'contracted') \
             AND NOT ($3 = 'mid_term' AND EXISTS (SELECT 1 FROM fund_payments WHERE application_id = $1 AND stage = 'mid_term')) \
             ON CONFLICT (application_id, kind) DO UPDATE SET body = excluded.body, submitted_at = excluded.submitted_at",
        )
        .bind(id.0)
        .bind(unit.0)
        .bind(kind.as_str())
        .bind(body)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// The payments and reports of applications `ids`, each with its application's id.
    pub(crate) async fn fund_money_of(&self, ids: &[i64]) -> Result<(Vec<(i64, Payment)>, Vec<(i64, Report)>), StoreError> {
        if ids.is_empty() {
            return Ok((Vec::new(), Vec::new()));
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
        let payments: Vec<(i64, String, i64, String, i64)> = sqlx::query_as(&format!(
            "SELECT application_id, stage, amount_fen, evidence, paid_at FROM fund_payments WHERE application_id IN ({list}) ORDER BY paid_at"
        ))
        .fetch_all(&self.pool)
        .await?;
        let reports: Vec<(i64, String, String, i64)> = sqlx::query_as(&format!(
            "SELECT application_id, kind, body, submitted_at FROM fund_reports WHERE application_id IN ({list}) ORDER BY submitted_at"
        ))
        .fetch_all(&self.pool)
        .await?;
        let mut payments: Vec<(i64, Payment)> = payments
            .into_iter()
            .filter_map(|(of, stage, amount, evidence, paid_at)| Some((of, Payment { stage: Stage::parse(&stage)?, amount: Fen(amount), evidence, paid_at })))
            .collect();
        // In the stages' order (several may be paid within one second).
        payments.sort_by_key(|(_, p)| p.stage);
        let reports = reports
            .into_iter()
            .filter_map(|(of, kind, body, submitted_at)| Some((of, Report { kind: ReportKind::parse(&kind)?, body, submitted_at })))
            .collect();
        Ok((payments, reports))
    }
}

/// Records a payment; `false` when the stage was paid already.
async fn pay(conn: &mut AnyConnection, id: FundApplicationId, stage: Stage, amount: Fen, evidence: &str, staff: StaffId, now: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO fund_payments (application_id, stage, amount_fen, evidence, paid_by, paid_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (application_id, stage) DO NOTHING",
    )
    .bind(id.0)
    .bind(stage.as_str())
    .bind(amount.0)
    .bind(evidence)
    .bind(staff.0)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Tells the unit's contact of `kind` news about application `id` (where it now is, for a
/// decision), with staff's words.
pub(crate) async fn tell_unit(
    conn: &mut AnyConnection,
    id: FundApplicationId,
    kind: MessageKind,
    to: Option<AppStatus>,
    detail: Option<&str>,
    now: i64,
) -> Result<(), StoreError> {
    let (contact, project): (i64, String) = sqlx::query_as(
        "SELECT o.contact_id, a.project FROM fund_applications a JOIN organisations o ON o.id = a.organisation_id WHERE a.id = $1",
    )
    .bind(id.0)
    .fetch_one(&mut *conn)
    .await?;
    let news = News {
        resident: ResidentId(contact),
        kind,
        title: &project,
        starts_at: None,
        booking: None,
        detail,
        deadline: None,
        outcome: to.map(AppStatus::as_str),
    };
    tell(conn, &news, now).await?;
    Ok(())
}
