//! Server functions of units (organisations): the resident's `/org` page and its form, and the
//! staff's `/staff/organisations` with its decision forms. The forms post straight here (no
//! script needed) and come back to their page, with what went wrong as a code the page words
//! and what was typed kept (`plain_forms`).

use cc_domain::organisation::Organisation;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What `/org` shows: the resident's unit, if they registered one, and their masked number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgPage {
    pub unit: Option<Organisation>,
    /// The contact number the unit gets: the resident's own, masked.
    pub phone: String,
}

/// The logged-in resident's unit.
#[server]
pub async fn my_unit() -> Result<OrgPage, AppError> {
    use crate::account_fns::context;
    let auth = context::auth()?;
    let resident = context::resident().await?;
    let store = auth.accounts.store().clone();
    let phone = cc_services::residents::who_am_i(&store, resident).await?.map(|me| me.phone).unwrap_or_default();
    let unit = match cc_services::residents::organisation::mine(&store, resident).await {
        Ok(unit) => Some(unit),
        Err(cc_services::ServiceError::NotFound(_)) => None,
        Err(error) => return Err(error.into()),
    };
    Ok(OrgPage { unit, phone })
}

/// Registers the resident's unit, or changes and resubmits it, from the page's form.
#[server]
pub async fn save_unit_form(name: String, credit_code: String, kind: String, contact_name: String) -> Result<(), AppError> {
    use crate::account_fns::context;
    use cc_services::residents::organisation;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let new = cc_domain::organisation::NewOrganisation {
        name: name.clone(),
        credit_code: credit_code.clone(),
        kind: kind.clone(),
        contact_name: contact_name.clone(),
    };
    let saved = match store.organisation_of(resident).await? {
        Some(_) => organisation::resubmit(&store, resident, &new).await,
        None => organisation::register(&store, resident, &new).await,
    };
    match saved {
        Ok(_) => {
            leptos_axum::redirect("/org?saved=1");
            Ok(())
        }
        Err(error) => {
            // Back with what was typed, so nothing is lost.
            let pairs = [
                ("error", crate::plain_forms::problem(&error).to_string()),
                ("name", name),
                ("credit_code", credit_code),
                ("kind", kind),
                ("contact_name", contact_name),
            ];
            let page = format!("/org?{}#unit-form", cc_domain::query::query_string(pairs));
            crate::plain_forms::back_with_error(&page, error).await
        }
    }
}

/// Units for staff to decide on.
#[server]
pub async fn units_to_decide() -> Result<Vec<Organisation>, AppError> {
    use crate::staff_fns::context;
    let (store, actor) = (context::staff_auth()?.store().clone(), context::actor().await?);
    Ok(cc_services::staff::organisations(&store, &actor, None).await?)
}

/// Staff's decision from the page's form, then back to the unit.
#[server]
pub async fn decide_unit_form(organisation_id: i64, status: String, reason: String) -> Result<(), AppError> {
    use crate::staff_fns::context;
    let (store, actor) = (context::staff_auth()?.store().clone(), context::actor().await?);
    let id = cc_domain::ids::OrganisationId(organisation_id);
    let decision = cc_services::staff::OrgDecision { status: status.clone(), reason: Some(reason) };
    match cc_services::staff::decide_organisation(&store, &actor, id, &decision).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/staff/organisations?decided={organisation_id}#unit-{organisation_id}"));
            Ok(())
        }
        Err(error) => {
            let code = crate::plain_forms::problem(&error);
            let status = cc_domain::query::percent_encode(&status);
            let page = format!("/staff/organisations?error={code}&unit={organisation_id}&status={status}#unit-{organisation_id}");
            crate::plain_forms::back_with_error(&page, error).await
        }
    }
}
