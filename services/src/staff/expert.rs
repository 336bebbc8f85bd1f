//! An expert's part in the fund's review: the applications assigned to them; for each, first a
//! declaration of any conflict of interest (before which they see only who applied and for
//! what), then the application itself and their scores on the criteria. Other experts' scores
//! stay hidden from them until every expert has scored. Every step is audited.

pub use cc_domain::fund::boards::Assignment;
use cc_domain::fund::review::{DeclarationInput, ReviewProgress, ReviewState, ScoreInput};
use cc_domain::ids::{FundApplicationId, Id, StaffId};
use cc_domain::time::now;
use cc_store::Store;
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// The applications assigned to the expert, the newest first.
pub async fn assignments(store: &Store, actor: &Actor) -> Result<Vec<Assignment>, ServiceError> {
    if !actor.member.scope.role.scores_applications() {
        return refuse(store, actor.audit("read_assignments", "fund_application", None)).await;
    }
    let mut list = Vec::new();
    for id in store.assignments_of(StaffId(actor.member.id)).await? {
        list.push(view(store, actor, id).await?);
    }
    Ok(list)
}

/// One application assigned to the expert.
pub async fn assignment(store: &Store, actor: &Actor, id: FundApplicationId) -> Result<Assignment, ServiceError> {
    if !actor.member.scope.role.scores_applications() {
        return refuse(store, actor.audit("read_assignment", "fund_application", Some(id.0))).await;
    }
    view(store, actor, id).await
}

/// The expert declares whether they have a conflict of interest with the applicant.
pub async fn declare(store: &Store, actor: &Actor, id: FundApplicationId, input: &DeclarationInput) -> Result<Assignment, ServiceError> {
    let mut entry = actor.audit("declare_conflict", "fund_application", Some(id.0));
    if !actor.member.scope.role.scores_applications() {
        return refuse(store, entry).await;
    }
    let statement = input.check().map_err(ServiceError::Field)?;
    view(store, actor, id).await?;
    if !store.declare_for_fund_review(id, StaffId(actor.member.id), input.conflict, &statement, now()).await? {
        return Err(ServiceError::refused(409, "declared", "您已就这份申报作出声明。", "You have declared for this application already."));
    }
    entry.after = Some(json!({ "conflict": input.conflict, "statement": statement }).to_string());
    store.append_audit(&entry).await?;
    view(store, actor, id).await
}

/// The expert scores the application (once), after declaring no conflict.
pub async fn score(store: &Store, actor: &Actor, id: FundApplicationId, input: &ScoreInput) -> Result<Assignment, ServiceError> {
    let mut entry = actor.audit("score_application", "fund_application", Some(id.0));
    if !actor.member.scope.role.scores_applications() {
        return refuse(store, entry).await;
    }
    let current = view(store, actor, id).await?;
    if current.mine.state != ReviewState::Reading {
        let (zh, en) = match current.mine.state {
            ReviewState::Assigned => ("请先声明是否存在利益冲突。", "Declare whether you have a conflict of interest first."),
            ReviewState::Recused => ("您已声明回避，不参加这份申报的评审。", "You stepped aside from this application."),
            _ => ("您已为这份申报评分。", "You have scored this application already."),
        };
        return Err(ServiceError::refused(409, "not_now", zh, en));
    }
    let (total, comment) = input.check(&current.criteria).map_err(ServiceError::Field)?;
    if !store.score_fund_review(id, StaffId(actor.member.id), &input.scores, total, &comment, now()).await? {
        return Err(ServiceError::refused(409, "not_now", "这份申报已不在评审中。", "The application is no longer in review."));
    }
    entry.after = Some(json!({ "total_hundredths": total, "scores": input.scores }).to_string());
    store.append_audit(&entry).await?;
    view(store, actor, id).await
}

/// A file of an application the expert reads (after declaring no conflict).
pub async fn attachment(
    store: &Store,
    actor: &Actor,
    id: FundApplicationId,
    file: cc_domain::ids::AttachmentId,
) -> Result<cc_store::fund_applications::AttachmentFile, ServiceError> {
    let assignment = self::assignment(store, actor, id).await?;
    if assignment.application.is_none() {
        return Err(ServiceError::NotFound(cc_domain::ids::AttachmentId::NOUN));
    }
    store.fund_attachment(id, file).await?.ok_or(ServiceError::NotFound(cc_domain::ids::AttachmentId::NOUN))
}

/// What the expert may see of application `id`: 404 unless it is assigned to them.
async fn view(store: &Store, actor: &Actor, id: FundApplicationId) -> Result<Assignment, ServiceError> {
    let me = StaffId(actor.member.id);
    let reviews = store.fund_reviews(id).await?;
    let mine = reviews.iter().find(|r| r.expert_id == me).cloned().ok_or(ServiceError::NotFound(FundApplicationId::NOUN))?;
    let application = store.fund_application(id).await?.ok_or(ServiceError::NotFound(FundApplicationId::NOUN))?;
    let progress = ReviewProgress::of(&reviews);
    // Blind until every expert is in: an expert sees their own scores, and others' states; one
    // who stepped aside never sees the scores.
    let reads = matches!(mine.state, ReviewState::Reading | ReviewState::Scored);
    let open = progress.all_in() && reads;
    let reviews = reviews.into_iter().map(|r| if open || r.expert_id == me { r } else { r.blinded() }).collect();
    Ok(Assignment {
        application_id: id,
        unit_name: application.unit_name.clone(),
        project: application.input.project.clone(),
        category_name: application.category_name.clone(),
        call_year: application.call_year,
        mine,
        criteria: store.fund_criteria().await?,
        reviews,
        progress,
        application: reads.then_some(application),
    })
}
