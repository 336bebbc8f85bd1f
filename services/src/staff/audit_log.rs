//! Reading the audit log: district admins only; anyone else's attempt is itself on record.

use cc_domain::staff::Role;
use cc_store::staff::{AuditFilter, AuditRecord};
use cc_store::Store;

use super::{refuse, Actor};
use crate::ServiceError;

/// The log's lines matching `filter`, newest first, at most `limit`.
pub async fn read_audit(
    store: &Store,
    actor: &Actor,
    filter: &AuditFilter,
    limit: i64,
) -> Result<Vec<AuditRecord>, ServiceError> {
    if actor.member.scope.role != Role::DistrictAdmin {
        return refuse(store, actor.audit("read_audit", "audit_log", None)).await;
    }
    Ok(store.audit_records(filter, limit).await?)
}
