//! Server functions of the heritage fund's public page: the calls, the rules, a year's awards,
//! and the objection a logged-in resident lodges against an award in public notice.

use cc_domain::fund::notice::Awards;
use cc_domain::fund::{FundCall, FundCategory};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What `/fund` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundPage {
    pub calls: Vec<FundCall>,
    pub categories: Vec<FundCategory>,
    /// The year asked for (or the latest with awards) and its awards.
    pub awards: Awards,
    /// Whether a resident is logged in (and so may object).
    pub logged_in: bool,
}

/// The calls, the categories and a year's awards.
#[server]
pub async fn load_fund(year: Option<i32>) -> Result<FundPage, AppError> {
    let store = crate::public_fns::store()?;
    let logged_in = crate::account_fns::context::resident().await.is_ok();
    Ok(FundPage {
        calls: cc_services::fund::calls(&store).await?,
        categories: cc_services::fund::categories(&store).await?,
        awards: cc_services::fund::awards(&store, year).await?,
        logged_in,
    })
}

/// A resident objects to an award in notice, then back to it on `/fund`.
#[server]
pub async fn object_form(application_id: i64, year: i32, objection: String) -> Result<(), AppError> {
    use crate::account_fns::context;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let input = cc_domain::fund::notice::ObjectionInput { objection: objection.clone() };
    let id = cc_domain::ids::FundApplicationId(application_id);
    match cc_services::residents::objection::lodge(&store, resident, id, &input).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/fund?year={year}&objected={application_id}#award-{application_id}"));
            Ok(())
        }
        Err(error) => {
            let code = crate::plain_forms::problem(&error);
            let mut pairs = vec![("year", year.to_string()), ("award", application_id.to_string()), ("error", code.to_string())];
            pairs.extend(crate::plain_forms::typed_back(code, "objection", objection).map(|typed| ("typed", typed)));
            let page = format!("/fund?{}#award-{application_id}", cc_domain::query::query_string(pairs));
            crate::plain_forms::back_with_error(&page, error).await
        }
    }
}
