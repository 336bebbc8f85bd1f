//! The work plan as the public follows it (`/plan`): every task's name, lead unit, progress,
//! status, milestones, public evidence and the comments the lead unit chose to show.

use cc_domain::ids::{Id, PlanEvidenceId, PlanTaskId};
use cc_domain::plan::PublicTask;
use cc_domain::time::now;
use cc_domain::fund::{file_name, AttachmentKind};
use cc_store::fund_applications::AttachmentFile;
use cc_store::Store;

use crate::ServiceError;

/// Every task as the public sees it, in the plan's order.
pub async fn public_tasks(store: &Store) -> Result<Vec<PublicTask>, ServiceError> {
    let mut shown = store.shown_plan_comments().await?;
    let tasks = store.plan_tasks(now()).await?;
    Ok(tasks
        .iter()
        .map(|task| {
            let (here, rest) = shown.drain(..).partition(|(id, _)| *id == task.id);
            shown = rest;
            task.public(here.into_iter().map(|(_, comment)| comment).collect())
        })
        .collect())
}

/// A public file of a task's evidence, to download. A private one answers as missing.
pub async fn public_file(store: &Store, id: PlanTaskId, evidence: PlanEvidenceId) -> Result<AttachmentFile, ServiceError> {
    match store.plan_evidence_file(id, evidence).await? {
        Some((title, content_type, bytes, true)) => evidence_file(title, &content_type, bytes),
        _ => Err(ServiceError::NotFound(PlanEvidenceId::NOUN)),
    }
}

/// A stored evidence file as it is sent: named after its title, typed by what it was recognised as.
pub(crate) fn evidence_file(title: String, content_type: &str, bytes: Vec<u8>) -> Result<AttachmentFile, ServiceError> {
    let kind = AttachmentKind::from_content_type(content_type).ok_or(ServiceError::NotFound(PlanEvidenceId::NOUN))?;
    Ok(AttachmentFile { file_name: file_name(&title, kind), kind, bytes })
}
