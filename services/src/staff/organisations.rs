//! District staff verify units (or reject them with a reason), and later disable or enable them
//! again; the unit's contact is told each decision. Every decision is audited, refusals included.

use cc_domain::ids::{Id, OrganisationId, StaffId};
use cc_domain::organisation::{checked_reason, OrgStatus, Organisation};
use cc_domain::time::now;
use cc_store::Store;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// Staff's decision on a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OrgDecision {
    /// `verified`, `rejected` or `disabled`.
    pub status: String,
    /// Why (required to reject or disable: the contact is told it), at most 200 characters.
    #[serde(default)]
    pub reason: Option<String>,
}

/// Units for the actor to decide on, waiting ones first (`status` narrows the list).
pub async fn organisations(store: &Store, actor: &Actor, status: Option<OrgStatus>) -> Result<Vec<Organisation>, ServiceError> {
    if !actor.member.scope.role.verifies_units() {
        return refuse(store, actor.audit("read_organisations", "organisation", None)).await;
    }
    Ok(store.organisations(status, 500).await?)
}

/// Decides on a unit; returns it as it became.
pub async fn decide_organisation(
    store: &Store,
    actor: &Actor,
    id: OrganisationId,
    decision: &OrgDecision,
) -> Result<Organisation, ServiceError> {
    let mut entry = actor.audit("decide_organisation", "organisation", Some(id.0));
    if !actor.member.scope.role.verifies_units() {
        return refuse(store, entry).await;
    }
    let unit = store.organisation(id).await?.ok_or(ServiceError::NotFound(OrganisationId::NOUN))?;
    let next = OrgStatus::parse(decision.status.trim()).filter(|s| *s != OrgStatus::Pending).ok_or(ServiceError::Field(
        cc_domain::authoring::FieldError { field: "status", zh: "请选择：通过认证、不予认证或停用", en: "choose verified, rejected or disabled" },
    ))?;
    let reason = checked_reason(next, decision.reason.as_deref()).map_err(ServiceError::Field)?;
    if !unit.status.may_become(next) {
        return Err(not_now(unit.status, next));
    }
    if !store.decide_organisation(id, unit.status, next, reason.as_deref(), StaffId(actor.member.id), now()).await? {
        // Decided by someone else meanwhile.
        let now_status = store.organisation(id).await?.map_or(unit.status, |u| u.status);
        return Err(not_now(now_status, next));
    }
    entry.before = Some(json!({ "status": unit.status }).to_string());
    entry.after = Some(json!({ "status": next, "reason": reason }).to_string());
    store.append_audit(&entry).await?;
    store.organisation(id).await?.ok_or(ServiceError::NotFound(OrganisationId::NOUN))
}

fn not_now(from: OrgStatus, to: OrgStatus) -> ServiceError {
    use cc_domain::Locale::{En, Zh};
    ServiceError::refused(
        409,
        "not_now",
        format!("单位现为“{}”，不能改为“{}”。", from.label(Zh), to.label(Zh)),
        format!("The unit is “{}”: it cannot become “{}”.", from.label(En), to.label(En)),
    )
}
