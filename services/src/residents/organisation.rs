//! A resident registers the unit they are the contact of (保护单位, 传承人工作室, 社会组织): their
//! account's mobile number is the unit's verified contact number. They read its status, and
//! change and resubmit it while it waits or after a rejection.

use cc_domain::ids::{Id, OrganisationId, ResidentId};
use cc_domain::organisation::{NewOrganisation, Organisation};
use cc_domain::time::now;
use cc_store::organisations::{RegisterOutcome, ResubmitOutcome};
use cc_store::Store;

use crate::ServiceError;

fn code_taken() -> ServiceError {
    ServiceError::refused(
        409,
        "code_taken",
        "这个统一社会信用代码已有单位登记；如有疑问请联系区文化和旅游局。",
        "A unit with this unified social credit code is registered already; ask the district's culture bureau if in doubt.",
    )
}

/// Registers the resident's unit; it waits for district staff to verify it.
pub async fn register(store: &Store, resident: ResidentId, new: &NewOrganisation) -> Result<Organisation, ServiceError> {
    let checked = new.check().map_err(ServiceError::Field)?;
    match store.register_organisation(resident, &checked, now()).await? {
        RegisterOutcome::Registered(_) => mine(store, resident).await,
        RegisterOutcome::CodeTaken => Err(code_taken()),
        RegisterOutcome::HasOne => Err(ServiceError::refused(
            409,
            "has_one",
            "您已是一个单位的联系人：请在“单位账号”中查看或修改。",
            "You are the contact of a unit already: see or change it under Unit account.",
        )),
    }
}

/// The unit the resident is the contact of.
pub async fn mine(store: &Store, resident: ResidentId) -> Result<Organisation, ServiceError> {
    store.organisation_of(resident).await?.ok_or(ServiceError::NotFound(OrganisationId::NOUN))
}

/// Changes the resident's unit and puts it back in line for verification.
pub async fn resubmit(store: &Store, resident: ResidentId, new: &NewOrganisation) -> Result<Organisation, ServiceError> {
    let checked = new.check().map_err(ServiceError::Field)?;
    match store.resubmit_organisation(resident, &checked, now()).await? {
        ResubmitOutcome::Resubmitted => mine(store, resident).await,
        ResubmitOutcome::None => Err(ServiceError::NotFound(OrganisationId::NOUN)),
        ResubmitOutcome::CodeTaken => Err(code_taken()),
        ResubmitOutcome::Settled(_) => Err(ServiceError::refused(
            409,
            "settled",
            "单位已认证（或已停用），登记信息不能再由联系人修改；如需变更请联系区文化和旅游局。",
            "The unit is verified (or disabled): its contact no longer changes it; ask the district's culture bureau.",
        )),
    }
}
