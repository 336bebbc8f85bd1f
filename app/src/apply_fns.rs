//! Server functions of applications to the heritage fund: the unit's list and form (`/org`,
//! `/org/applications/{id}`) and the staff's `/staff/fund`. The forms post straight here (no
//! script needed). Saving and submitting always write the draft first, so what was typed is
//! never lost; a refusal comes back to the page as a code, and the page reads the rules' own
//! words again from the saved draft.

use cc_domain::fund::{FundApplication, FundCall, FundCategory};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What the unit's part of `/org` shows once it is verified.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitApplications {
    pub applications: Vec<FundApplication>,
    /// Calls taking drafts: open, or about to open.
    pub calls: Vec<FundCall>,
    /// Categories taking applications.
    pub categories: Vec<FundCategory>,
}

/// The unit's applications and where it may start one.
#[server]
pub async fn my_applications() -> Result<UnitApplications, AppError> {
    use crate::account_fns::context;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let applications = cc_services::residents::fund_application::applications(&store, resident).await?;
    let calls = cc_services::fund::calls(&store).await?.into_iter().filter(|c| c.phase != cc_domain::fund::CallPhase::Closed).collect();
    let categories = cc_services::fund::categories(&store).await?.into_iter().filter(|c| !c.retired).collect();
    Ok(UnitApplications { applications, calls, categories })
}

/// One of the unit's applications.
#[server]
pub async fn my_application(id: i64) -> Result<FundApplication, AppError> {
    use crate::account_fns::context;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let id = cc_domain::ids::FundApplicationId(id);
    Ok(cc_services::residents::fund_application::application(&store, resident, id).await?)
}

/// Starts a draft from `/org`, then on to its page.
#[server]
pub async fn start_application_form(call_id: String, category_id: String) -> Result<(), AppError> {
    use crate::account_fns::context;
    use cc_domain::ids::{FundCallId, FundCategoryId, Id};
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let (Some(call), Some(category)) = (FundCallId::parse(&call_id), FundCategoryId::parse(&category_id)) else {
        leptos_axum::redirect("/org?apply_error=category_id#applications");
        return Ok(());
    };
    let input = cc_domain::fund::ApplicationInput::default();
    match cc_services::residents::fund_application::start(&store, resident, call, category, &input).await {
        Ok(started) => {
            leptos_axum::redirect(&format!("/org/applications/{}", started.id));
            Ok(())
        }
        Err(error) => {
            let code = crate::plain_forms::problem(&error);
            crate::plain_forms::back_with_error(&format!("/org?apply_error={code}#applications"), error).await
        }
    }
}

/// Saves the draft as typed and, when the submit button was pressed, submits it.
#[server]
#[allow(clippy::too_many_arguments)]
pub async fn save_application_form(
    id: i64,
    project: String,
    aims: String,
    schedule: String,
    #[server(default)] budget_item: Vec<String>,
    #[server(default)] budget_amount: Vec<String>,
    requested: String,
    cofunding: String,
    intent: Option<String>,
) -> Result<(), AppError> {
    use crate::account_fns::context;
    use cc_domain::fund::{ApplicationInput, BudgetLineInput};
    use cc_services::residents::fund_application as apply;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let id_typed = cc_domain::ids::FundApplicationId(id);
    let budget_lines = budget_item
        .into_iter()
        .zip(budget_amount.into_iter().chain(std::iter::repeat(String::new())))
        .map(|(item, amount)| BudgetLineInput { item, amount })
        .collect();
    let input = ApplicationInput { project, aims, schedule, budget_lines, requested, cofunding };
    let page = format!("/org/applications/{id}");
    if let Err(error) = apply::save(&store, resident, id_typed, &input).await {
        let code = crate::plain_forms::problem(&error);
        return crate::plain_forms::back_with_error(&format!("{page}?error={code}#form"), error).await;
    }
    if intent.as_deref() != Some("submit") {
        leptos_axum::redirect(&format!("{page}?saved=1"));
        return Ok(());
    }
    match apply::submit(&store, resident, id_typed).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("{page}?submitted=1"));
            Ok(())
        }
        Err(error) => {
            let code = crate::plain_forms::problem(&error);
            crate::plain_forms::back_with_error(&format!("{page}?error={code}#form"), error).await
        }
    }
}

/// Withdraws the application from its page.
#[server]
pub async fn withdraw_application_form(id: i64) -> Result<(), AppError> {
    use crate::account_fns::context;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    match cc_services::residents::fund_application::withdraw(&store, resident, cc_domain::ids::FundApplicationId(id)).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/org/applications/{id}?withdrawn=1"));
            Ok(())
        }
        Err(error) => {
            let code = crate::plain_forms::problem(&error);
            crate::plain_forms::back_with_error(&format!("/org/applications/{id}?error={code}"), error).await
        }
    }
}

/// Removes a file from the application's page.
#[server]
pub async fn remove_attachment_form(id: i64, attachment_id: i64) -> Result<(), AppError> {
    use crate::account_fns::context;
    use cc_domain::ids::{AttachmentId, FundApplicationId};
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let page = format!("/org/applications/{id}");
    match cc_services::residents::fund_application::detach(&store, resident, FundApplicationId(id), AttachmentId(attachment_id)).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("{page}#files"));
            Ok(())
        }
        Err(error) => {
            let code = crate::plain_forms::problem(&error);
            crate::plain_forms::back_with_error(&format!("{page}?file_error={code}#files"), error).await
        }
    }
}

/// Applications sent to the fund, for staff.
#[server]
pub async fn sent_applications() -> Result<Vec<FundApplication>, AppError> {
    use crate::staff_fns::context;
    let (store, actor) = (context::staff_auth()?.store().clone(), context::actor().await?);
    Ok(cc_services::staff::fund_applications(&store, &actor, None).await?)
}

/// Staff return an application for completion, then back to it.
#[server]
pub async fn return_application_form(application_id: i64, reason: String) -> Result<(), AppError> {
    use crate::staff_fns::context;
    let (store, actor) = (context::staff_auth()?.store().clone(), context::actor().await?);
    let id = cc_domain::ids::FundApplicationId(application_id);
    let input = cc_services::staff::ReturnInput { reason: reason.clone() };
    match cc_services::staff::return_fund_application(&store, &actor, id, &input).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/staff/fund?returned={application_id}#application-{application_id}"));
            Ok(())
        }
        Err(error) => {
            let code = crate::plain_forms::problem(&error);
            let page = format!("/staff/fund?error={code}&application={application_id}#application-{application_id}");
            crate::plain_forms::back_with_error(&page, error).await
        }
    }
}
