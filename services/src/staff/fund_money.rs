//! Money after an award: district admins record the agreement (which pays the first half),
//! release the mid-term payment on the unit's mid-term report, accept the final report (验收,
//! which pays the rest), or reclaim money paid when the work was not done as agreed. Amounts
//! come from the award (`fund::payments::stage_amounts`), never typed, except a clawback's,
//! which never exceeds what was paid. Every step audited; the unit is told.

use cc_domain::authoring::FieldError;
use cc_domain::fund::payments::{stage_amounts, release_refused, AgreementInput, ClawbackInput, Stage};
use cc_domain::fund::{AppStatus, Fen, FundApplication};
use cc_domain::ids::{FundApplicationId, Id, StaffId};
use cc_domain::time::now;
use cc_store::fund_applications::MoneyStep;
use cc_store::Store;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::fund_review::{review_board, ReviewBoard};
use super::{refuse, Actor};
use crate::ServiceError;

/// What a payment is released on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EvidenceInput {
    /// What was checked (the report read, the site visited), 2 to 300 characters.
    pub evidence: String,
}

/// Records the signed agreement and pays the first stage.
pub async fn sign_fund_agreement(store: &Store, actor: &Actor, id: FundApplicationId, input: &AgreementInput) -> Result<ReviewBoard, ServiceError> {
    let mut entry = actor.audit("sign_fund_agreement", "fund_application", Some(id.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let agreement = input.check().map_err(ServiceError::Field)?;
    let application = current(store, id, AppStatus::Awarded).await?;
    let first = stage_amounts(award(&application))[0];
    step(store, actor, id, MoneyStep::Sign { agreement: &agreement, first }).await?;
    entry.after = Some(json!({ "status": AppStatus::Contracted, "agreement": agreement.number, "signed_on": agreement.signed_on, "paid_fen": first.0 }).to_string());
    store.append_audit(&entry).await?;
    review_board(store, actor, id).await
}

/// Releases the mid-term payment, once the unit's mid-term report is in.
pub async fn release_fund_payment(store: &Store, actor: &Actor, id: FundApplicationId, input: &EvidenceInput) -> Result<ReviewBoard, ServiceError> {
    let mut entry = actor.audit("release_fund_payment", "fund_application", Some(id.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let evidence = evidence(&input.evidence)?;
    let application = current(store, id, AppStatus::Contracted).await?;
    ready(&application, Stage::MidTerm)?;
    let amount = stage_amounts(award(&application))[Stage::MidTerm.index()];
    step(store, actor, id, MoneyStep::Release { stage: Stage::MidTerm, amount, evidence: &evidence }).await?;
    entry.after = Some(json!({ "stage": Stage::MidTerm, "paid_fen": amount.0, "evidence": evidence }).to_string());
    store.append_audit(&entry).await?;
    review_board(store, actor, id).await
}

/// Accepts the final report (验收) and pays the last stage.
pub async fn accept_fund_application(store: &Store, actor: &Actor, id: FundApplicationId, input: &EvidenceInput) -> Result<ReviewBoard, ServiceError> {
    let mut entry = actor.audit("accept_fund_application", "fund_application", Some(id.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let evidence = evidence(&input.evidence)?;
    let application = current(store, id, AppStatus::Contracted).await?;
    ready(&application, Stage::Acceptance)?;
    let last = stage_amounts(award(&application))[Stage::Acceptance.index()];
    step(store, actor, id, MoneyStep::Accept { last, evidence: &evidence }).await?;
    entry.after = Some(json!({ "status": AppStatus::Completed, "paid_fen": last.0, "evidence": evidence }).to_string());
    store.append_audit(&entry).await?;
    review_board(store, actor, id).await
}

/// Reclaims money paid: at most what was paid; the unit is told why.
pub async fn claw_back_fund(store: &Store, actor: &Actor, id: FundApplicationId, input: &ClawbackInput) -> Result<ReviewBoard, ServiceError> {
    let mut entry = actor.audit("claw_back_fund", "fund_application", Some(id.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let application = current(store, id, AppStatus::Contracted).await?;
    let paid = Fen(application.payments.iter().map(|p| p.amount.0).sum());
    let (amount, reason) = input.check(paid).map_err(ServiceError::Field)?;
    step(store, actor, id, MoneyStep::ClawBack { amount, reason: &reason }).await?;
    entry.after = Some(json!({ "status": AppStatus::ClawedBack, "reclaimed_fen": amount.0, "paid_fen": paid.0, "reason": reason }).to_string());
    store.append_audit(&entry).await?;
    review_board(store, actor, id).await
}

async fn step(store: &Store, actor: &Actor, id: FundApplicationId, step: MoneyStep<'_>) -> Result<(), ServiceError> {
    if store.fund_money_step(id, step, StaffId(actor.member.id), now()).await? {
        Ok(())
    } else {
        Err(not_now())
    }
}

/// The application, which must be `status`.
async fn current(store: &Store, id: FundApplicationId, status: AppStatus) -> Result<FundApplication, ServiceError> {
    let application = store.fund_application(id).await?.filter(|a| a.status != AppStatus::Draft).ok_or(ServiceError::NotFound(FundApplicationId::NOUN))?;
    if application.status != status {
        return Err(not_now());
    }
    Ok(application)
}

fn award(application: &FundApplication) -> Fen {
    application.award.unwrap_or(Fen(0))
}

/// Whether `stage` may be paid: in order, on its report.
fn ready(application: &FundApplication, stage: Stage) -> Result<(), ServiceError> {
    let paid: Vec<Stage> = application.payments.iter().map(|p| p.stage).collect();
    let reports: Vec<_> = application.reports.iter().map(|r| r.kind).collect();
    match release_refused(stage, &paid, &reports) {
        None => Ok(()),
        Some("no_report") => Err(ServiceError::refused(
            409,
            "no_report",
            "单位尚未提交相应的报告，不能拨付这一期资金。",
            "The unit has not sent the report this payment waits for.",
        )),
        Some(_) => Err(ServiceError::refused(409, "stage_order", "各期资金须按顺序拨付，每期只拨付一次。", "Payments go in order, each once.")),
    }
}

fn evidence(text: &str) -> Result<String, ServiceError> {
    let text = text.trim();
    let length = text.chars().count();
    if !(2..=300).contains(&length) || text.chars().any(char::is_control) {
        return Err(ServiceError::Field(FieldError::new("evidence", "请写明拨付依据（2到300个字）", "say what the payment is released on (2 to 300 characters)")));
    }
    Ok(text.to_string())
}

fn not_now() -> ServiceError {
    ServiceError::refused(409, "not_now", "申报的状态已变化，不能这样处理，请刷新后再试。", "The application's status does not allow this (it may have changed): reload and try again.")
}
