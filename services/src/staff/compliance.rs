//! The compliance and coverage table as far as the actor reaches: the district for district
//! admins and reviewers, their own street for street admins, nothing for anyone else.

use cc_domain::compliance_table::{street_rows, StreetRow};
use cc_domain::staff::Role;
use cc_domain::Locale;
use cc_store::Store;

use super::{refuse, Actor};
use crate::ServiceError;

/// The street rows the actor may read, in the district's order; refusals are audited as `action`.
pub async fn compliance_rows(
    store: &Store,
    actor: &Actor,
    action: &str,
    locale: Locale,
) -> Result<Vec<StreetRow>, ServiceError> {
    let street = match actor.member.scope.role {
        Role::DistrictAdmin | Role::Reviewer => None,
        Role::StreetAdmin => actor.member.scope.street_id,
        Role::FacilityManager | Role::Provider | Role::Expert => {
            return refuse(store, actor.audit(action, "district", None)).await
        }
    };
    let slug = match street {
        Some(id) => Some(store.street_slug(id).await?.ok_or(ServiceError::NotFound("street"))?),
        None => None,
    };
    let report = store.compliance_report().await?;
    Ok(street_rows(&report, slug.as_deref(), locale))
}
