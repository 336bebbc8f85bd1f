//! 非遗专项资金 as anyone reads it: the support categories (the rules) and the calls.

use cc_domain::fund::{FundCall, FundCategory};
use cc_domain::time::now;
use cc_store::Store;

use crate::ServiceError;

/// The support categories, retired ones last.
pub async fn categories(store: &Store) -> Result<Vec<FundCategory>, ServiceError> {
    Ok(store.fund_categories().await?)
}

/// Every call, the latest year first.
pub async fn calls(store: &Store) -> Result<Vec<FundCall>, ServiceError> {
    Ok(store.fund_calls(now()).await?)
}
