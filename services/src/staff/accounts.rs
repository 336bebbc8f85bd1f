//! Staff creating and disabling staff, only inside their own scope.

use std::collections::HashMap;

use cc_auth::{AccountError, StaffAuth};
use cc_domain::staff::{Role, StaffScope};
use cc_store::staff::StaffMember;
use serde::Deserialize;
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;
use cc_domain::ids::{FacilityId, StaffId};

/// A new staff account as requested.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewAccount {
    pub username: String,
    pub display_name: String,
    /// At least 12 characters, not a common one.
    #[schema(min_length = 12)]
    pub password: String,
    #[schema(value_type = cc_domain::staff::Role)]
    pub role: String,
    #[serde(default)]
    pub street_id: Option<i64>,
    #[serde(default)]
    pub facility_ids: Vec<i64>,
}

/// The streets the scope's facilities are in (checked against the creator's reach).
async fn streets_of(auth: &StaffAuth, scope: &StaffScope) -> Result<Vec<i64>, ServiceError> {
    let mut streets = Vec::new();
    for facility in &scope.facility_ids {
        let place = auth.store().facility_place(FacilityId(*facility)).await?.ok_or(ServiceError::Field(
            cc_domain::authoring::FieldError {
                field: "facility_ids",
                zh: "没有这个场馆",
                en: "no such facility",
            },
        ))?;
        streets.push(place.street_id);
    }
    Ok(streets)
}

/// Creates a staff account inside the actor's scope; returns its id.
pub async fn create_staff(auth: &StaffAuth, actor: &Actor, new: NewAccount) -> Result<i64, ServiceError> {
    use cc_domain::authoring::FieldError;
    let store = auth.store();
    let role = Role::parse(&new.role).ok_or(ServiceError::Field(FieldError {
        field: "role",
        zh: "没有这个角色",
        en: "no such role",
    }))?;
    let scope = StaffScope { role, street_id: new.street_id, facility_ids: new.facility_ids.clone() };
    let mut entry = actor.audit("create_staff", "staff", None);
    entry.after = Some(
        json!({ "username": new.username, "role": role.as_str(), "street_id": new.street_id,
        "facility_ids": new.facility_ids })
        .to_string(),
    );
    if role == Role::StreetAdmin && new.street_id.is_none() {
        return Err(ServiceError::Field(FieldError {
            field: "street_id",
            zh: "街道管理员需要所属街道",
            en: "a street admin needs a street",
        }));
    }
    if role == Role::FacilityManager && new.facility_ids.is_empty() {
        return Err(ServiceError::Field(FieldError {
            field: "facility_ids",
            zh: "场馆管理员需要至少一个场馆",
            en: "a facility manager needs at least one facility",
        }));
    }
    let streets = streets_of(auth, &scope).await?;
    if !actor.member.scope.can_create(&scope, &streets) {
        return refuse(store, entry).await;
    }
    let id = match auth
        .create(&new.username, &new.display_name, &new.password, &scope, Some(actor.member.id))
        .await
    {
        Ok(Some(id)) => id,
        Ok(None) => {
            return Err(ServiceError::refused(
                409,
                "username_taken",
                "这个用户名已被使用。",
                "This username is taken.",
            ))
        }
        Err(AccountError::Refused(problem)) => {
            return Err(ServiceError::refused(
                400,
                problem.code(),
                problem.message(cc_domain::Locale::Zh),
                problem.message(cc_domain::Locale::En),
            ))
        }
        Err(AccountError::Failed(e)) => return Err(ServiceError::Failed(e)),
    };
    entry.object_id = Some(id);
    store.append_audit(&entry).await?;
    Ok(id)
}

/// Disables an account inside the actor's scope (its sessions end at their next request).
pub async fn disable_staff(
    auth: &StaffAuth,
    actor: &Actor,
    StaffId(id): StaffId,
) -> Result<(), ServiceError> {
    let store = auth.store();
    let target = store.staff_member(StaffId(id)).await?.ok_or(ServiceError::NotFound("staff"))?;
    let mut entry = actor.audit("disable_staff", "staff", Some(id));
    let streets = streets_of(auth, &target.scope).await?;
    if id == actor.member.id || !actor.member.scope.can_create(&target.scope, &streets) {
        return refuse(store, entry).await;
    }
    store.set_staff_disabled(StaffId(id), true).await?;
    entry.before = Some(json!({ "disabled": target.disabled }).to_string());
    entry.after = Some(json!({ "disabled": true }).to_string());
    store.append_audit(&entry).await?;
    Ok(())
}

/// The accounts the actor manages — could have created, may disable — for the console's list.
/// Only district and street admins manage accounts; anyone else is refused (and audited).
pub async fn managed_accounts(auth: &StaffAuth, actor: &Actor) -> Result<Vec<StaffMember>, ServiceError> {
    let store = auth.store();
    if !matches!(actor.member.scope.role, Role::DistrictAdmin | Role::StreetAdmin) {
        return refuse(store, actor.audit("list_staff", "staff", None)).await;
    }
    let streets: HashMap<i64, i64> =
        store.facility_choices().await?.into_iter().map(|f| (f.id, f.street_id)).collect();
    Ok(store
        .staff_members()
        .await?
        .into_iter()
        .filter(|member| {
            let theirs: Vec<i64> =
                member.scope.facility_ids.iter().filter_map(|f| streets.get(f).copied()).collect();
            member.id != actor.member.id && actor.member.scope.can_create(&member.scope, &theirs)
        })
        .collect())
}
