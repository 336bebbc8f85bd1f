//! Server functions of the heritage fund's public page.

use cc_domain::fund::{FundCall, FundCategory};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What `/fund` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundPage {
    pub calls: Vec<FundCall>,
    pub categories: Vec<FundCategory>,
}

/// The calls and the categories.
#[server]
pub async fn load_fund() -> Result<FundPage, AppError> {
    let store = crate::public_fns::store()?;
    Ok(FundPage { calls: cc_services::fund::calls(&store).await?, categories: cc_services::fund::categories(&store).await? })
}
