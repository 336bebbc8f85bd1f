//! A resident tells a task's lead unit what they think (全社会参与和监督创建): logged in, so
//! the unit can trust it comes from a real person, at most a few a day, counted before anything
//! is written; it is shown under the task only once staff approve it.

use cc_domain::ids::{Id, PlanCommentId, PlanTaskId, ResidentId};
use cc_domain::plan::{CommentInput, COMMENTS_PER_DAY};
use cc_domain::time::now;
use cc_store::Store;

use crate::ServiceError;

/// Sends the resident's comment on task `id` to its lead unit.
pub async fn send(store: &Store, resident: ResidentId, id: PlanTaskId, input: &CommentInput) -> Result<PlanCommentId, ServiceError> {
    let text = input.check().map_err(ServiceError::Field)?;
    let at = now();
    // Counted in one statement before anything else: a burst cannot slip between reading and
    // adding, and one over the limit costs no more than this.
    if store.count_attempt(&format!("plan_comment:{}", resident.0), 24 * 60 * 60, at).await? > COMMENTS_PER_DAY {
        return Err(ServiceError::refused(
            429,
            "daily_limit",
            format!("一天内最多提交{COMMENTS_PER_DAY}条意见，请明天再来。"),
            format!("At most {COMMENTS_PER_DAY} comments a day: come back tomorrow."),
        ));
    }
    if !store.plan_task_exists(id).await? {
        return Err(ServiceError::NotFound(PlanTaskId::NOUN));
    }
    Ok(store.send_plan_comment(id, resident, &text, at).await?)
}
