//! District admins hand a complete application to at least three experts (which moves it into
//! review), add one when another steps aside for a conflict of interest, follow the scores, and
//! enter the committee's amount — checked against the request, the category's cap and what is
//! left of the call's budget in the transaction that writes it. Every step is audited.

use cc_domain::authoring::FieldError;
pub use cc_domain::fund::boards::ReviewBoard;
use cc_domain::fund::review::{CriterionInput, ReviewProgress, MIN_EXPERTS};
use cc_domain::fund::{self, AppAction, AwardRefused, Fen, Mover};
use cc_domain::ids::{FundApplicationId, Id, StaffId};
use cc_domain::time::now;
use cc_store::fund_applications::Proposed;
use cc_store::Store;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// The experts to hand an application to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ExpertsInput {
    /// At least three expert accounts' ids (one more to replace one who stepped aside).
    pub experts: Vec<i64>,
}

/// The committee's amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AwardInput {
    /// In yuan, as typed ("20,000").
    pub amount: String,
}

/// An application and its reviews, every score shown (staff are not blind).
pub async fn review_board(store: &Store, actor: &Actor, id: FundApplicationId) -> Result<ReviewBoard, ServiceError> {
    let application = super::fund_application(store, actor, id).await?;
    let reviews = store.fund_reviews(id).await?;
    let progress = ReviewProgress::of(&reviews);
    let objections = store.fund_objections(id).await?;
    Ok(ReviewBoard { application, reviews, progress, experts: store.expert_accounts().await?, objections })
}

/// Hands a submitted application to the experts (at least three): it is complete.
pub async fn start_fund_review(store: &Store, actor: &Actor, id: FundApplicationId, input: &ExpertsInput) -> Result<ReviewBoard, ServiceError> {
    let mut entry = actor.audit("start_fund_review", "fund_application", Some(id.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let experts = chosen_experts(store, &input.experts).await?;
    if experts.len() < MIN_EXPERTS {
        return Err(ServiceError::Field(FieldError::new("experts", "请至少选择三位评审专家", "choose at least three experts")));
    }
    let current = super::fund_application(store, actor, id).await?;
    fund::next(current.status, AppAction::StartReview, Mover::Staff).map_err(|_| not_now())?;
    if !store.start_fund_review(id, &experts, StaffId(actor.member.id), now()).await? {
        return Err(not_now());
    }
    entry.after = Some(json!({ "status": "in_review", "experts": experts }).to_string());
    store.append_audit(&entry).await?;
    review_board(store, actor, id).await
}

/// Adds experts to an application in review (to replace one who stepped aside).
pub async fn add_fund_experts(store: &Store, actor: &Actor, id: FundApplicationId, input: &ExpertsInput) -> Result<ReviewBoard, ServiceError> {
    let mut entry = actor.audit("add_fund_experts", "fund_application", Some(id.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let experts = chosen_experts(store, &input.experts).await?;
    if experts.is_empty() {
        return Err(ServiceError::Field(FieldError::new("experts", "请选择评审专家", "choose an expert")));
    }
    super::fund_application(store, actor, id).await?;
    let mut added = Vec::new();
    for expert in experts {
        if store.add_fund_expert(id, expert, StaffId(actor.member.id), now()).await? {
            added.push(expert);
        }
    }
    if added.is_empty() {
        return Err(not_now());
    }
    entry.after = Some(json!({ "added": added }).to_string());
    store.append_audit(&entry).await?;
    review_board(store, actor, id).await
}

/// The committee proposes an amount, once every expert has scored.
pub async fn propose_fund_award(store: &Store, actor: &Actor, id: FundApplicationId, input: &AwardInput) -> Result<ReviewBoard, ServiceError> {
    let mut entry = actor.audit("propose_fund_award", "fund_application", Some(id.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let amount = Fen::parse_yuan(&input.amount).filter(|a| a.0 > 0).ok_or(ServiceError::Field(FieldError::new(
        "amount",
        "请填写资助金额（元，如 20,000）",
        "give the amount in yuan, e.g. 20,000",
    )))?;
    let board = review_board(store, actor, id).await?;
    if !board.progress.all_in() {
        return Err(ServiceError::refused(
            409,
            "reviews_pending",
            "还有专家未评分（或评审专家不足三位），不能决定资助金额。",
            "Not every expert has scored (or fewer than three did): the amount cannot be decided yet.",
        ));
    }
    match store.propose_fund_award(id, amount, now()).await? {
        Proposed::Proposed => {}
        Proposed::NotNow => return Err(not_now()),
        Proposed::Refused(refused) => return Err(above(refused)),
    }
    entry.after = Some(json!({ "status": "proposed", "amount_fen": amount.0, "mean_hundredths": board.progress.mean }).to_string());
    store.append_audit(&entry).await?;
    review_board(store, actor, id).await
}

/// Replaces the review criteria (weights adding up to 100); applications scored keep theirs.
pub async fn replace_fund_criteria(store: &Store, actor: &Actor, criteria: &[CriterionInput]) -> Result<(), ServiceError> {
    let mut entry = actor.audit("replace_fund_criteria", "fund_criteria", None);
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let checked = cc_domain::fund::review::check_criteria(criteria).map_err(ServiceError::Field)?;
    entry.before = Some(json!(store.fund_criteria().await?).to_string());
    store.replace_fund_criteria(&checked).await?;
    entry.after = Some(json!(store.fund_criteria().await?).to_string());
    store.append_audit(&entry).await?;
    Ok(())
}

async fn chosen_experts(store: &Store, ids: &[i64]) -> Result<Vec<StaffId>, ServiceError> {
    let mut ids: Vec<StaffId> = ids.iter().filter_map(|id| StaffId::parse(&id.to_string())).collect();
    ids.sort();
    ids.dedup();
    let active = store.active_experts(&ids).await?;
    if active.len() != ids.len() {
        return Err(ServiceError::Field(FieldError::new("experts", "所选账号中有的不是在用的评审专家账号", "one of the accounts chosen is not an active expert account")));
    }
    Ok(active)
}

fn not_now() -> ServiceError {
    ServiceError::refused(409, "not_now", "申报的状态已变化，不能这样处理，请刷新后再试。", "The application's status does not allow this (it may have changed): reload and try again.")
}

fn above(refused: AwardRefused) -> ServiceError {
    let (code, zh, en) = match refused {
        AwardRefused::Nothing => ("not_now", "资助金额应大于0".to_string(), "the amount is above zero".to_string()),
        AwardRefused::AboveRequest(r) => ("above_request", format!("资助金额不能超过申请金额 ¥{r}"), format!("the amount cannot exceed the ¥{r} requested")),
        AwardRefused::AboveCap(c) => ("above_cap", format!("资助金额不能超过该类别的上限 ¥{c}"), format!("the amount cannot exceed the category's cap of ¥{c}")),
        AwardRefused::AboveBudget(b) => ("above_budget", format!("本年度资金仅剩 ¥{b}"), format!("only ¥{b} of the call's budget is left")),
    };
    ServiceError::refused(409, code, zh, en)
}
