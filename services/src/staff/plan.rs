//! The work plan as staff keep it: the leading group (district admins) sees and changes every
//! task; a task's owners update how it goes (status, note), mark its milestones done, add its
//! evidence and answer residents' comments on it. Every change is audited, and every refusal of
//! access.

use cc_domain::authoring::FieldError;
use cc_domain::fund::recognise;
use cc_domain::ids::{Id, PlanCommentId, PlanEvidenceId, PlanMilestoneId, PlanTaskId, StaffId};
use cc_domain::plan::input::{evidence_title, CheckedEvidence};
use cc_domain::plan::{Comment, CommentDecision, EvidenceBody, EvidenceInput, MilestoneInput, Owner, PlanTask, TaskPatch};
use cc_domain::time::now;
use cc_store::plan::{Completed, Decided, NewEvidence};
use cc_store::fund_applications::AttachmentFile;
use cc_store::Store;
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// Whether `actor` may act on `task`: the leading group, or one of its owners.
fn keeps(actor: &Actor, task: &PlanTask) -> bool {
    actor.member.scope.role.leads_plan() || task.owned_by(StaffId(actor.member.id))
}

/// The task `id`, if `actor` may act on it (the refusal audited as `action`).
async fn kept_task(store: &Store, actor: &Actor, id: PlanTaskId, action: &str) -> Result<PlanTask, ServiceError> {
    let task = store.plan_task(id, now()).await?.ok_or(ServiceError::NotFound(PlanTaskId::NOUN))?;
    if !keeps(actor, &task) {
        return refuse(store, actor.audit(action, "plan_task", Some(id.0))).await;
    }
    Ok(task)
}

/// The tasks `actor` keeps: every task for the leading group, their own for others.
pub async fn plan_tasks(store: &Store, actor: &Actor) -> Result<Vec<PlanTask>, ServiceError> {
    let mut tasks = store.plan_tasks(now()).await?;
    if !actor.member.scope.role.leads_plan() {
        tasks.retain(|t| t.owned_by(StaffId(actor.member.id)));
    }
    Ok(tasks)
}

/// One task, for the leading group or its owners.
pub async fn plan_task(store: &Store, actor: &Actor, id: PlanTaskId) -> Result<PlanTask, ServiceError> {
    kept_task(store, actor, id, "read_plan_task").await
}

/// Changes a task: the leading group any field, owners only its status and note.
pub async fn update_plan_task(store: &Store, actor: &Actor, id: PlanTaskId, patch: &TaskPatch) -> Result<PlanTask, ServiceError> {
    let task = kept_task(store, actor, id, "update_plan_task").await?;
    let mut entry = actor.audit("update_plan_task", "plan_task", Some(id.0));
    if patch.touches_plan() && !actor.member.scope.role.leads_plan() {
        return refuse(store, entry).await;
    }
    let checked = patch.check(&task.milestones).map_err(ServiceError::Field)?;
    if !store.update_plan_task(id, &checked, now()).await? {
        return Err(ServiceError::Field(FieldError::new("owners", "责任人须是在用的工作人员账号", "owners must be active staff accounts")));
    }
    entry.before = Some(serde_json::to_string(&fields(&task)).unwrap_or_default());
    let after = store.plan_task(id, now()).await?.ok_or(ServiceError::NotFound(PlanTaskId::NOUN))?;
    entry.after = Some(serde_json::to_string(&fields(&after)).unwrap_or_default());
    store.append_audit(&entry).await?;
    Ok(after)
}

/// What the audit log keeps of a task before and after a change.
fn fields(task: &PlanTask) -> serde_json::Value {
    json!({
        "name": task.name, "summary": task.summary, "lead_unit": task.lead_unit,
        "cooperating_units": task.cooperating_units, "deadline": task.deadline,
        "owners": task.owners.iter().map(|o| o.id).collect::<Vec<_>>(),
        "status": task.reported, "note": task.note,
    })
}

/// Adds a milestone to a task.
pub async fn add_plan_milestone(store: &Store, actor: &Actor, id: PlanTaskId, input: &MilestoneInput) -> Result<PlanTask, ServiceError> {
    kept_task(store, actor, id, "add_plan_milestone").await?;
    let (title, due_on) = input.check().map_err(ServiceError::Field)?;
    let milestone = store.add_plan_milestone(id, &title, due_on, now()).await?;
    let mut entry = actor.audit("add_plan_milestone", "plan_task", Some(id.0));
    entry.after = Some(json!({ "milestone": milestone, "title": title, "due_on": due_on }).to_string());
    store.append_audit(&entry).await?;
    plan_task(store, actor, id).await
}

/// Marks a milestone done, keeping the task's live figures as they read now.
pub async fn complete_plan_milestone(store: &Store, actor: &Actor, id: PlanTaskId, milestone: PlanMilestoneId) -> Result<PlanTask, ServiceError> {
    let task = kept_task(store, actor, id, "complete_plan_milestone").await?;
    let readings: Vec<_> = task
        .evidence
        .iter()
        .filter_map(|e| match e.body {
            EvidenceBody::Indicator { now, .. } => Some((e.id, now)),
            _ => None,
        })
        .collect();
    match store.complete_plan_milestone(id, milestone, StaffId(actor.member.id), &readings, now()).await? {
        Completed::Done => {}
        Completed::AlreadyDone => {
            return Err(ServiceError::refused(409, "already_done", "这个节点已经标为完成。", "This milestone is done already."));
        }
        Completed::Missing => return Err(ServiceError::NotFound(PlanMilestoneId::NOUN)),
    }
    let mut entry = actor.audit("complete_plan_milestone", "plan_task", Some(id.0));
    entry.after = Some(json!({ "milestone": milestone, "readings": readings }).to_string());
    store.append_audit(&entry).await?;
    plan_task(store, actor, id).await
}

/// Adds a link or a live figure as evidence.
pub async fn add_plan_evidence(store: &Store, actor: &Actor, id: PlanTaskId, input: &EvidenceInput) -> Result<PlanTask, ServiceError> {
    kept_task(store, actor, id, "add_plan_evidence").await?;
    let (title, evidence) = match input.check().map_err(ServiceError::Field)? {
        CheckedEvidence::Link { title, url } => (title, NewEvidence::Link { url }),
        CheckedEvidence::Indicator { title, measure, street_id } => {
            if let Some(street) = street_id {
                if !store.street_exists(street).await? {
                    return Err(ServiceError::Field(FieldError::new("street_id", "没有这个街道", "there is no such street")));
                }
            }
            (title, NewEvidence::Indicator { measure, street_id })
        }
    };
    record_evidence(store, actor, id, &title, input.public, evidence).await
}

/// Adds a file (PDF, JPEG, PNG or DOCX, at most 10 MB, recognised by its bytes) as evidence.
pub async fn add_plan_file(store: &Store, actor: &Actor, id: PlanTaskId, title: &str, public: bool, bytes: Vec<u8>) -> Result<PlanTask, ServiceError> {
    kept_task(store, actor, id, "add_plan_evidence").await?;
    let title = evidence_title(title).map_err(ServiceError::Field)?;
    let kind = recognise(&bytes).map_err(ServiceError::file)?;
    record_evidence(store, actor, id, &title, public, NewEvidence::File { content_type: kind.content_type().into(), bytes }).await
}

async fn record_evidence(store: &Store, actor: &Actor, id: PlanTaskId, title: &str, public: bool, evidence: NewEvidence) -> Result<PlanTask, ServiceError> {
    let added = store.add_plan_evidence(id, title, public, &evidence, StaffId(actor.member.id), now()).await?;
    let what = match &evidence {
        NewEvidence::Link { url } => json!({ "link": url }),
        NewEvidence::File { content_type, bytes } => json!({ "file": content_type, "bytes": bytes.len() }),
        NewEvidence::Indicator { measure, street_id } => json!({ "measure": measure, "street_id": street_id }),
    };
    let mut entry = actor.audit("add_plan_evidence", "plan_task", Some(id.0));
    entry.after = Some(json!({ "evidence": added, "title": title, "public": public, "what": what }).to_string());
    store.append_audit(&entry).await?;
    plan_task(store, actor, id).await
}

/// A file of a task's evidence, public or not, for the leading group or its owners.
pub async fn plan_file(store: &Store, actor: &Actor, id: PlanTaskId, evidence: PlanEvidenceId) -> Result<AttachmentFile, ServiceError> {
    kept_task(store, actor, id, "read_plan_evidence").await?;
    let (title, content_type, bytes, _) = store.plan_evidence_file(id, evidence).await?.ok_or(ServiceError::NotFound(PlanEvidenceId::NOUN))?;
    crate::plan::evidence_file(title, &content_type, bytes)
}

/// Residents' comments on the tasks `actor` keeps, newest first.
pub async fn plan_comments(store: &Store, actor: &Actor) -> Result<Vec<Comment>, ServiceError> {
    if actor.member.scope.role.leads_plan() {
        return Ok(store.plan_comments(None).await?);
    }
    let owned = store.plan_tasks_owned_by(StaffId(actor.member.id)).await?;
    Ok(store.plan_comments(Some(&owned)).await?)
}

/// Shows or hides a resident's comment, with a reply, for the task's keepers.
pub async fn decide_plan_comment(store: &Store, actor: &Actor, id: PlanCommentId, input: &CommentDecision) -> Result<Comment, ServiceError> {
    let task = store.plan_comment_task(id).await?.ok_or(ServiceError::NotFound(PlanCommentId::NOUN))?;
    let mut entry = actor.audit("decide_plan_comment", "plan_comment", Some(id.0));
    let keeps = actor.member.scope.role.leads_plan() || store.plan_tasks_owned_by(StaffId(actor.member.id)).await?.contains(&task);
    if !keeps {
        return refuse(store, entry).await;
    }
    let reply = input.check().map_err(ServiceError::Field)?;
    match store.decide_plan_comment(id, input.show, reply.as_deref(), StaffId(actor.member.id), now()).await? {
        Decided::Decided => {}
        Decided::AlreadyDecided => {
            return Err(ServiceError::refused(409, "already_decided", "这条意见已经处理过了。", "This comment was dealt with already."));
        }
        Decided::Missing => return Err(ServiceError::NotFound(PlanCommentId::NOUN)),
    }
    entry.after = Some(json!({ "task": task, "show": input.show, "reply": reply }).to_string());
    store.append_audit(&entry).await?;
    let comments = store.plan_comments(Some(&[task])).await?;
    comments.into_iter().find(|c| c.id == id).ok_or(ServiceError::NotFound(PlanCommentId::NOUN))
}

/// The tasks the leading group should look at now (at risk or overdue).
pub fn flagged(tasks: &[PlanTask]) -> Vec<&PlanTask> {
    tasks.iter().filter(|t| t.status.needs_attention()).collect()
}

/// What the plan's forms offer: the active staff accounts the leading group may name as owners
/// (none for others), and the streets a figure may be read for.
pub async fn plan_choices(store: &Store, actor: &Actor) -> Result<(Vec<Owner>, Vec<(i64, String)>), ServiceError> {
    let owners = if actor.member.scope.role.leads_plan() {
        store
            .staff_members()
            .await?
            .into_iter()
            .filter(|m| !m.disabled)
            .map(|m| Owner { id: StaffId(m.id), display_name: format!("{}（{}）", m.display_name, m.username) })
            .collect()
    } else {
        Vec::new()
    };
    Ok((owners, store.street_choices().await?))
}
