//! Server functions of a resident's own calendar feed on `/me`: its address, and a new one.

use leptos::prelude::*;

use crate::error::AppError;

/// The path of the logged-in resident's own feed (made when first asked for).
#[server]
pub async fn load_calendar_feed() -> Result<String, AppError> {
    use crate::account_fns::context;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    Ok(cc_services::feeds::calendar_path(&store, resident).await?)
}

/// A new address for the resident's feed (a plain form), then back to `/me`.
#[server]
pub async fn reset_calendar_form() -> Result<(), AppError> {
    use crate::account_fns::context;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    cc_services::feeds::reset_calendar(&store, resident).await?;
    leptos_axum::redirect("/me?calendar=reset#calendar");
    Ok(())
}
