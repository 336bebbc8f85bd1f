//! One module per route.

pub mod apply;
mod apply_files;
mod apply_money;
pub mod catalog;
pub mod coverage;
pub mod demands;
pub mod fund;
pub mod plan;
mod fund_awards;
pub mod heritage;
pub mod facilities;
pub mod facility;
pub mod home;
pub mod item;
pub mod login;
pub mod map;
pub mod me;
pub mod messages;
pub mod my_bookings;
pub mod not_found;
pub mod offline;
pub mod org;
mod org_applications;
pub mod review;
pub mod staff;
pub mod training;

use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{de::DeserializeOwned, Serialize};

use crate::error::AppError;

/// Loads the record named by the route's `:id`; a malformed id loads nothing (`Ok(None)`),
/// so the page shows the same 404 as for an unknown one.
pub fn resource_by_route_id<T, Fut>(load: fn(i64) -> Fut) -> Resource<Result<Option<T>, AppError>>
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    Fut: Future<Output = Result<Option<T>, AppError>> + Send + 'static,
{
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok())));
    Resource::new(
        move || id.get(),
        move |id| async move {
            match id {
                Some(id) => load(id).await,
                None => Ok(None),
            }
        },
    )
}
