//! Who watches the dashboard, and how much of the district they see.

use cc_domain::staff::Role;
use cc_store::Store;

use super::{refuse, Actor};
use crate::ServiceError;

/// The street the actor's dashboard covers: `None` (the district) for district admins, their
/// street for street admins; anyone else is refused (audited).
pub async fn dashboard_scope(store: &Store, actor: &Actor) -> Result<Option<i64>, ServiceError> {
    match (actor.member.scope.role, actor.member.scope.street_id) {
        (Role::DistrictAdmin, _) => Ok(None),
        (Role::StreetAdmin, Some(street)) => Ok(Some(street)),
        _ => refuse(store, actor.audit("read_dashboard", "district", None)).await,
    }
}
