//! After the committee: district admins decline an application (saying why), publish a call's
//! proposed awards for its notice days (公示), answer each objection (an upheld one declines the
//! award), and make an award final once its notice has ended with every objection answered.
//! Every step is audited and the unit is told.

use cc_domain::authoring::FieldError;
use cc_domain::fund::notice::{self, AnswerInput, NotFinal};
use cc_domain::fund::{self, AppAction, AppStatus, Mover};
use cc_domain::ids::{FundApplicationId, FundCallId, FundObjectionId, Id, StaffId};
use cc_domain::time::{local, now};
use cc_store::fund_applications::{Move, Which};
use cc_store::fund_notice::Answered;
use cc_store::Store;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::fund_review::{review_board, ReviewBoard};
use super::{refuse, Actor};
use crate::ServiceError;

/// Why an application is not funded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DeclineInput {
    /// 2 to 300 characters: the unit is told it.
    pub reason: String,
}

/// What publishing a call's proposed awards did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Published {
    /// The applications now in notice.
    pub published: Vec<FundApplicationId>,
    /// When their notice ends (UTC seconds).
    pub notice_until: i64,
}

/// Declines an application in review, proposed or in notice; the unit is told why.
pub async fn decline_fund_application(store: &Store, actor: &Actor, id: FundApplicationId, input: &DeclineInput) -> Result<ReviewBoard, ServiceError> {
    let mut entry = actor.audit("decline_fund_application", "fund_application", Some(id.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let reason = reason(&input.reason)?;
    let from = decline(store, id, &reason).await?;
    entry.before = Some(json!({ "status": from }).to_string());
    entry.after = Some(json!({ "status": AppStatus::Declined, "reason": reason }).to_string());
    store.append_audit(&entry).await?;
    review_board(store, actor, id).await
}

/// Publishes every proposed award of `call` for the call's notice days.
pub async fn publish_fund_awards(store: &Store, actor: &Actor, call: FundCallId) -> Result<Published, ServiceError> {
    let mut entry = actor.audit("publish_fund_awards", "fund_call", Some(call.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let at = now();
    let found = store.fund_call(call, at).await?.ok_or(ServiceError::NotFound(FundCallId::NOUN))?;
    let until = notice::notice_ends(at, found.notice_days);
    let mut published = Vec::new();
    for application in store.fund_applications(Which::ForStaff(Some(call))).await? {
        if application.status == AppStatus::Proposed
            && store.move_fund_application(application.id, AppStatus::Proposed, AppStatus::InNotice, Move::Publish { until }, at).await?
        {
            published.push(application.id);
        }
    }
    if published.is_empty() {
        return Err(ServiceError::refused(409, "nothing_proposed", "本年度没有待公示的拟资助项目。", "The call has no proposed awards to publish."));
    }
    entry.after = Some(json!({ "published": published, "notice_until": until }).to_string());
    store.append_audit(&entry).await?;
    Ok(Published { published, notice_until: until })
}

/// Answers an objection; an upheld one declines the award it objects to.
pub async fn answer_fund_objection(store: &Store, actor: &Actor, id: FundObjectionId, input: &AnswerInput) -> Result<ReviewBoard, ServiceError> {
    let mut entry = actor.audit("answer_fund_objection", "fund_objection", Some(id.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let answer = input.check().map_err(ServiceError::Field)?;
    let objection = store.fund_objection(id).await?.ok_or(ServiceError::NotFound(FundObjectionId::NOUN))?;
    let reason = format!("公示期间异议成立：{answer}");
    let decline = input.upheld.then_some(reason.as_str());
    match store.answer_fund_objection(id, StaffId(actor.member.id), &answer, decline, now()).await? {
        Answered::Answered | Answered::Declined(_) => {}
        Answered::AlreadyAnswered => {
            return Err(ServiceError::refused(409, "answered", "这条异议已经答复过了。", "This objection is answered already."));
        }
        Answered::CannotDecline => {
            let current = store.fund_application(objection.application_id).await?.ok_or(ServiceError::NotFound(FundApplicationId::NOUN))?;
            return Err(not_now(current.status));
        }
    }
    entry.after = Some(json!({ "application": objection.application_id, "upheld": input.upheld, "answer": answer }).to_string());
    store.append_audit(&entry).await?;
    if input.upheld {
        let mut declined = actor.audit("decline_fund_application", "fund_application", Some(objection.application_id.0));
        declined.after = Some(json!({ "status": AppStatus::Declined, "reason": reason, "objection": id }).to_string());
        store.append_audit(&declined).await?;
    }
    review_board(store, actor, objection.application_id).await
}

/// Makes an award final: its notice has ended and every objection is answered.
pub async fn finalise_fund_award(store: &Store, actor: &Actor, id: FundApplicationId) -> Result<ReviewBoard, ServiceError> {
    let mut entry = actor.audit("finalise_fund_award", "fund_application", Some(id.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let board = review_board(store, actor, id).await?;
    let application = &board.application;
    let to = fund::next(application.status, AppAction::Finalise, Mover::Staff).map_err(|_| not_now(application.status))?;
    let unanswered = store.unanswered_fund_objections(id).await?;
    // Publishing always sets the notice's end; one missing has no notice left to wait for.
    match notice::may_finalise(now(), application.notice_until.unwrap_or(0), unanswered) {
        Ok(()) => {}
        Err(NotFinal::NoticeRunning(until)) => {
            let until = local(until).format("%Y-%m-%d %H:%M");
            return Err(ServiceError::refused(
                409,
                "notice_running",
                format!("公示期到 {until} 结束，结束后才能正式立项。"),
                format!("The public notice runs until {until}: the award becomes final after it."),
            ));
        }
        Err(NotFinal::Unanswered(count)) => {
            return Err(ServiceError::refused(
                409,
                "objections_open",
                format!("还有{count}条异议未答复，全部答复后才能正式立项。"),
                format!("{count} objection(s) wait for an answer: answer every one first."),
            ));
        }
    }
    if !store.move_fund_application(id, application.status, to, Move::Finalise, now()).await? {
        // An objection lodged or upheld meanwhile keeps it from becoming final.
        return Err(not_now(application.status));
    }
    entry.after = Some(json!({ "status": to, "amount_fen": application.award.map(|a| a.0) }).to_string());
    store.append_audit(&entry).await?;
    review_board(store, actor, id).await
}

/// Declines application `id` from where it is; the status it was.
async fn decline(store: &Store, id: FundApplicationId, reason: &str) -> Result<AppStatus, ServiceError> {
    let current = store.fund_application(id).await?.filter(|a| a.status != AppStatus::Draft).ok_or(ServiceError::NotFound(FundApplicationId::NOUN))?;
    let to = fund::next(current.status, AppAction::Decline, Mover::Staff).map_err(|_| not_now(current.status))?;
    if !store.move_fund_application(id, current.status, to, Move::Decline { reason }, now()).await? {
        return Err(not_now(current.status));
    }
    Ok(current.status)
}

fn reason(text: &str) -> Result<String, ServiceError> {
    let reason = text.trim();
    let length = reason.chars().count();
    if !(2..=300).contains(&length) || reason.chars().any(char::is_control) {
        return Err(ServiceError::Field(FieldError::new("reason", "请写明不予资助的原因（2到300个字）", "say why it is not funded (2 to 300 characters)")));
    }
    Ok(reason.to_string())
}

fn not_now(status: AppStatus) -> ServiceError {
    use cc_domain::Locale::{En, Zh};
    ServiceError::refused(
        409,
        "not_now",
        format!("申报现为“{}”，不能这样处理，请刷新后再试。", status.label(Zh)),
        format!("The application is “{}”: this cannot be done now (reload and try again).", status.label(En)),
    )
}
