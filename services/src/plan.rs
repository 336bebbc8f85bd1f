//! The work plan as the public follows it (`/plan`): every task's name, lead unit, progress,
//! status, milestones, public evidence and the comments the lead unit chose to show.

use cc_domain::ids::{Id, PlanEvidenceId, PlanTaskId};
use cc_domain::plan::PublicTask;
use cc_domain::time::now;
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

/// A public file of a task's evidence: title, type and bytes. A private one answers as missing.
pub async fn public_file(store: &Store, id: PlanTaskId, evidence: PlanEvidenceId) -> Result<(String, String, Vec<u8>), ServiceError> {
    match store.plan_evidence_file(id, evidence).await? {
        Some((title, content_type, bytes, true)) => Ok((title, content_type, bytes)),
        _ => Err(ServiceError::NotFound(PlanEvidenceId::NOUN)),
    }
}
