//! Running the heritage fund: district admins write its support categories (the defaults are
//! changed like any other) and its yearly calls. Every change is audited, refusals included.

use cc_domain::authoring::FieldError;
use cc_domain::fund::{CallInput, CategoryInput, FundCall, FundCategory};
use cc_domain::ids::{FundCallId, FundCategoryId, Id};
use cc_domain::time::now;
use cc_store::fund::Saved;
use cc_store::Store;
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// Adds a category (`id` none) or changes one.
pub async fn save_fund_category(
    store: &Store,
    actor: &Actor,
    id: Option<FundCategoryId>,
    input: &CategoryInput,
) -> Result<FundCategory, ServiceError> {
    let mut entry = actor.audit("save_fund_category", "fund_category", id.map(|i| i.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let checked = input.check().map_err(ServiceError::Field)?;
    let before = match id {
        Some(id) => Some(store.fund_category(id).await?.ok_or(ServiceError::NotFound(FundCategoryId::NOUN))?),
        None => None,
    };
    let id = match store.save_fund_category(id, &checked, now()).await? {
        Saved::Saved(id) => id,
        Saved::Taken => return Err(ServiceError::Field(FieldError { field: "code", zh: "已有类别使用这个代码", en: "another category has this code" })),
        Saved::NotFound => return Err(ServiceError::NotFound(FundCategoryId::NOUN)),
    };
    let after = store.fund_category(id).await?.ok_or(ServiceError::NotFound(FundCategoryId::NOUN))?;
    entry.object_id = Some(id.0);
    entry.before = before.map(|b| json!(b).to_string());
    entry.after = Some(json!(after).to_string());
    store.append_audit(&entry).await?;
    Ok(after)
}

/// Adds a call (`id` none) or changes one.
pub async fn save_fund_call(store: &Store, actor: &Actor, id: Option<FundCallId>, input: &CallInput) -> Result<FundCall, ServiceError> {
    let mut entry = actor.audit("save_fund_call", "fund_call", id.map(|i| i.0));
    if !actor.member.scope.role.runs_fund() {
        return refuse(store, entry).await;
    }
    let checked = input.check().map_err(ServiceError::Field)?;
    let before = match id {
        Some(id) => Some(store.fund_call(id, now()).await?.ok_or(ServiceError::NotFound(FundCallId::NOUN))?),
        None => None,
    };
    let id = match store.save_fund_call(id, &checked, now()).await? {
        Saved::Saved(id) => id,
        Saved::Taken => return Err(ServiceError::Field(FieldError { field: "year", zh: "这一年度已有申报通知", en: "this year has a call already" })),
        Saved::NotFound => return Err(ServiceError::NotFound(FundCallId::NOUN)),
    };
    let after = store.fund_call(id, now()).await?.ok_or(ServiceError::NotFound(FundCallId::NOUN))?;
    entry.object_id = Some(id.0);
    entry.before = before.map(|b| json!(b).to_string());
    entry.after = Some(json!(after).to_string());
    store.append_audit(&entry).await?;
    Ok(after)
}
