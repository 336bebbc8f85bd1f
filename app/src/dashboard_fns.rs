//! The dashboard's first figures, rendered with the page; the stream keeps them current.

use leptos::prelude::*;

use crate::error::AppError;

/// The figures in the staff member's reach now.
#[server]
pub async fn load_dashboard() -> Result<cc_domain::dashboard::Dashboard, AppError> {
    let actor = crate::staff_fns::context::actor().await?;
    let store = crate::staff_fns::context::staff_auth()?.store().clone();
    let street = cc_services::staff::dashboard_scope(&store, &actor).await?;
    Ok(store.dashboard(street, cc_domain::time::now()).await?)
}
