//! Server functions for the console's staff accounts page, through `cc-services`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use cc_domain::ids::StaffId;

/// A staff account as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountLine {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: cc_domain::staff::Role,
    /// The street or the facilities the account is for, named.
    pub scope: String,
    pub disabled: bool,
}

/// The accounts a staff member manages, and what they may create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountsPage {
    pub accounts: Vec<AccountLine>,
    /// Roles the staff member may give.
    pub roles: Vec<cc_domain::staff::Role>,
    /// Streets a street admin may be given: (id, name).
    pub streets: Vec<(i64, String)>,
    /// Facilities a facility manager may be given: (id, name).
    pub facilities: Vec<(i64, String)>,
}

/// The accounts page, for district and street admins.
#[server]
pub async fn load_accounts() -> Result<AccountsPage, AppError> {
    use cc_domain::staff::Role;
    let actor = crate::staff_fns::context::actor().await?;
    let auth = crate::staff_fns::context::staff_auth()?;
    let accounts = cc_services::staff::managed_accounts(&auth, &actor).await?;
    let store = auth.store();
    let streets = store.street_choices().await?;
    let facilities = store.facility_choices().await?;
    let name_of_street = |id: i64| streets.iter().find(|(s, _)| *s == id).map(|(_, n)| n.clone());
    let accounts = accounts
        .into_iter()
        .map(|m| {
            let mut scope: Vec<String> = m.scope.street_id.and_then(name_of_street).into_iter().collect();
            scope.extend(
                facilities.iter().filter(|f| m.scope.facility_ids.contains(&f.id)).map(|f| f.name.clone()),
            );
            AccountLine {
                id: m.id,
                username: m.username,
                display_name: m.display_name,
                role: m.scope.role,
                scope: scope.join("、"),
                disabled: m.disabled,
            }
        })
        .collect();
    let own_street = actor.member.scope.street_id;
    let (roles, streets) = match actor.member.scope.role {
        Role::DistrictAdmin => (Role::ALL.to_vec(), streets),
        _ => (vec![Role::FacilityManager], vec![]),
    };
    let facilities = facilities
        .into_iter()
        .filter(|f| actor.member.scope.role == Role::DistrictAdmin || Some(f.street_id) == own_street)
        .map(|f| (f.id, f.name))
        .collect();
    Ok(AccountsPage { accounts, roles, streets, facilities })
}

/// Creates a staff account: a street for street admins, a facility for facility managers.
#[server]
pub async fn create_staff_account(
    username: String,
    display_name: String,
    password: String,
    role: String,
    street_id: String,
    facility_id: String,
) -> Result<i64, AppError> {
    let actor = crate::staff_fns::context::actor().await?;
    let auth = crate::staff_fns::context::staff_auth()?;
    let new = cc_services::staff::NewAccount {
        username,
        display_name,
        password,
        role,
        street_id: street_id.trim().parse().ok(),
        facility_ids: facility_id.trim().parse().ok().into_iter().collect(),
    };
    Ok(cc_services::staff::create_staff(&auth, &actor, new).await?)
}

/// Disables an account the staff member manages.
#[server]
pub async fn disable_staff_account(staff_id: i64) -> Result<(), AppError> {
    let actor = crate::staff_fns::context::actor().await?;
    let auth = crate::staff_fns::context::staff_auth()?;
    Ok(cc_services::staff::disable_staff(&auth, &actor, StaffId(staff_id)).await?)
}
