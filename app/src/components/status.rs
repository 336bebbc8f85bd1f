//! How loading and failure look, the same everywhere.

use leptos::prelude::*;

use crate::error::AppError;
use crate::prefs::use_prefs;

/// Shown while data is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    let prefs = use_prefs();
    view! { <p class="loading" role="status">{move || prefs.t().loading}</p> }
}

/// A failure explained in the resident's language; bad input says what to fix.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let prefs = use_prefs();
    let is_bad_input = matches!(error, AppError::BadParam(_));
    let error = StoredValue::new(error);
    view! {
        <div class="notice notice-error" role="alert">
            <p class="notice-title">
                {move || if is_bad_input { prefs.t().bad_filter } else { prefs.t().error_title }}
            </p>
            <p>{move || error.with_value(|e| e.message(prefs.lang()))}</p>
        </div>
    }
}
