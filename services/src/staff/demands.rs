//! 点单 answered by staff in scope — district admins anywhere, street admins in their street:
//! planned, delivered (with the published service that delivers it) or declined (with the
//! reason); or merged into a demand that says the same. Everyone who voted is told; every
//! answer and merge is audited, refusals included.

use cc_domain::demand::AnswerRequest;
use cc_domain::ids::{DemandId, ItemId, StaffId};
use cc_domain::staff::Role;
use cc_domain::time::now;
use cc_store::Store;
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// The demands the actor may answer, open and planned first, most votes first.
pub async fn demands_to_answer(store: &Store, actor: &Actor) -> Result<Vec<cc_domain::demand::Demand>, ServiceError> {
    let scope = &actor.member.scope;
    let street = match scope.role {
        Role::DistrictAdmin => None,
        Role::StreetAdmin if scope.street_id.is_some() => scope.street_id,
        _ => return refuse(store, actor.audit("read_demands", "demand", None)).await,
    };
    Ok(store.demands_to_answer(street, 500).await?)
}

/// Answers a demand; returns how many residents were told.
pub async fn answer_demand(store: &Store, actor: &Actor, demand: DemandId, request: &AnswerRequest) -> Result<usize, ServiceError> {
    let mut entry = may_answer(store, actor, demand, "answer_demand").await?;
    let answer = request.check().map_err(ServiceError::Field)?;
    if let Some(item) = answer.item_id {
        if store.item_detail(ItemId(item), now()).await?.is_none() {
            return Err(ServiceError::Field(cc_domain::authoring::FieldError {
                field: "item_id",
                zh: "没有这项已发布的服务",
                en: "no published service has this id",
            }));
        }
    }
    let told = store.answer_demand(demand, &answer, StaffId(actor.member.id), now()).await?;
    let Some(told) = told else { return Err(merged()) };
    entry.after = Some(json!({ "status": answer.status, "note": answer.note, "item_id": answer.item_id, "told": told }).to_string());
    store.append_audit(&entry).await?;
    Ok(told)
}

/// Merges demand `from` into `into` (both in the actor's scope): its votes move there.
pub async fn merge_demands(store: &Store, actor: &Actor, from: DemandId, into: DemandId) -> Result<(), ServiceError> {
    let mut entry = may_answer(store, actor, from, "merge_demand").await?;
    may_answer(store, actor, into, "merge_demand").await?;
    if !store.merge_demands(from, into, now()).await? {
        return Err(ServiceError::refused(
            409,
            "not_mergeable",
            "两项点单须不同且都未合并。",
            "The two demands must differ and neither may be merged already.",
        ));
    }
    entry.after = Some(json!({ "merged_into": into.0 }).to_string());
    store.append_audit(&entry).await?;
    Ok(())
}

/// The audit line of `action` on a demand the actor may answer; refused (and audited) otherwise.
async fn may_answer(store: &Store, actor: &Actor, demand: DemandId, action: &str) -> Result<cc_store::staff::AuditEntry, ServiceError> {
    let street = store.demand_street(demand).await?.ok_or(ServiceError::NotFound("demand"))?;
    let entry = actor.audit(action, "demand", Some(demand.0));
    let scope = &actor.member.scope;
    let allowed = match scope.role {
        Role::DistrictAdmin => true,
        Role::StreetAdmin => scope.street_id == Some(street),
        Role::FacilityManager | Role::Reviewer | Role::Provider | Role::Expert => false,
    };
    if !allowed {
        return refuse(store, entry).await;
    }
    Ok(entry)
}

fn merged() -> ServiceError {
    ServiceError::refused(409, "merged", "这项点单已合并到另一项，请答复那一项。", "This demand was merged into another: answer that one.")
}
