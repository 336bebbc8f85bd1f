//! Moderating reviews: district admins and reviewers read the district's latest reviews and hide
//! one with a reason (its author is told it); every hiding is audited, refusals included.

use cc_domain::ids::ReviewId;
use cc_domain::review::{hide_reason, ModeratedReview};
use cc_domain::time::now;
use cc_store::Store;
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// The district's latest reviews, hidden ones included, for moderators.
pub async fn reviews_to_moderate(store: &Store, actor: &Actor) -> Result<Vec<ModeratedReview>, ServiceError> {
    if !actor.member.scope.role.moderates() {
        return refuse(store, actor.audit("read_reviews", "review", None)).await;
    }
    Ok(store.reviews_to_moderate(100).await?)
}

/// Hides a review for `reason`: it leaves every list and average, and its author is told why.
pub async fn hide_review(store: &Store, actor: &Actor, review: ReviewId, reason: &str) -> Result<(), ServiceError> {
    let mut entry = actor.audit("hide_review", "review", Some(review.0));
    if !actor.member.scope.role.moderates() {
        return refuse(store, entry).await;
    }
    let reason = hide_reason(reason).map_err(ServiceError::Field)?;
    let item = store.hide_review(review, cc_domain::ids::StaffId(actor.member.id), reason, now()).await?;
    let Some(item_id) = item else { return Err(ServiceError::NotFound("review")) };
    entry.after = Some(json!({ "hidden": true, "reason": reason, "item_id": item_id }).to_string());
    store.append_audit(&entry).await?;
    Ok(())
}
