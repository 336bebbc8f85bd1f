//! District staff read the applications units have sent (drafts stay their units' own), read
//! their files, and check each for completeness: one that is not goes back to its unit with a
//! comment, and the unit is told. Every return is audited, refusals included.

use cc_domain::authoring::FieldError;
use cc_domain::fund::{self, AppAction, FundApplication, Mover};
use cc_domain::ids::{AttachmentId, FundApplicationId, FundCallId, Id};
use cc_domain::time::now;
use cc_store::fund_applications::{AttachmentFile, Move, Which};
use cc_store::Store;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// Why an application goes back to its unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReturnInput {
    /// What to complete or fix, 2 to 300 characters: the unit is told it.
    pub reason: String,
}

/// Applications sent to the fund (of one call when given), the newest first.
pub async fn fund_applications(store: &Store, actor: &Actor, call: Option<FundCallId>) -> Result<Vec<FundApplication>, ServiceError> {
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, actor.audit("read_fund_applications", "fund_application", None)).await;
    }
    Ok(store.fund_applications(Which::ForStaff(call)).await?)
}

/// One application sent to the fund.
pub async fn fund_application(store: &Store, actor: &Actor, id: FundApplicationId) -> Result<FundApplication, ServiceError> {
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, actor.audit("read_fund_application", "fund_application", Some(id.0))).await;
    }
    sent(store, id).await
}

/// A file of an application sent to the fund.
pub async fn fund_attachment(store: &Store, actor: &Actor, id: FundApplicationId, attachment: AttachmentId) -> Result<AttachmentFile, ServiceError> {
    fund_application(store, actor, id).await?;
    store.fund_attachment(id, attachment).await?.ok_or(ServiceError::NotFound(AttachmentId::NOUN))
}

/// Sends a submitted application back to its unit for completion, with the reason.
pub async fn return_fund_application(
    store: &Store,
    actor: &Actor,
    id: FundApplicationId,
    input: &ReturnInput,
) -> Result<FundApplication, ServiceError> {
    let mut entry = actor.audit("return_fund_application", "fund_application", Some(id.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let reason = input.reason.trim();
    let length = reason.chars().count();
    if !(2..=300).contains(&length) || reason.chars().any(char::is_control) {
        return Err(ServiceError::Field(FieldError::new("reason", "请写明需要补正的内容（2到300个字）", "say what to complete or fix (2 to 300 characters)")));
    }
    let current = sent(store, id).await?;
    let to = fund::next(current.status, AppAction::Return, Mover::Staff).map_err(|_| not_now(&current))?;
    if !store.move_fund_application(id, current.status, to, Move::Return { comment: reason }, now()).await? {
        let now_as = sent(store, id).await?;
        return Err(not_now(&now_as));
    }
    entry.before = Some(json!({ "status": current.status }).to_string());
    entry.after = Some(json!({ "status": to, "reason": reason }).to_string());
    store.append_audit(&entry).await?;
    sent(store, id).await
}

/// An application that is not a draft.
async fn sent(store: &Store, id: FundApplicationId) -> Result<FundApplication, ServiceError> {
    store
        .fund_application(id)
        .await?
        .filter(|a| a.status != fund::AppStatus::Draft)
        .ok_or(ServiceError::NotFound(FundApplicationId::NOUN))
}

fn not_now(application: &FundApplication) -> ServiceError {
    use cc_domain::Locale::{En, Zh};
    ServiceError::refused(
        409,
        "not_now",
        format!("申报现为“{}”，只有已提交待审核的申报可以退回补正。", application.status.label(Zh)),
        format!("The application is “{}”: only submitted ones waiting for a check are returned.", application.status.label(En)),
    )
}
