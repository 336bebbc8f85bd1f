//! The localized 404 page, with the status set on the server response.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::prefs::use_prefs;

/// Says the page does not exist and answers 404; `message` names what was missing
/// (`"item"` or `"facility"`) for a more precise sentence.
#[component]
pub fn NotFound(#[prop(optional)] message: Option<&'static str>) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let prefs = use_prefs();
    let body = move || match message {
        Some("item") => prefs.t().item_not_found,
        Some("facility") => prefs.t().facility_not_found,
        _ => prefs.t().not_found_body,
    };
    view! {
        <Title text=move || prefs.head_t().not_found_title/>
        <section class="not-found">
            <h1>{move || prefs.t().not_found_title}</h1>
            <p>{body}</p>
            <p><a href="/catalog">{move || prefs.t().back_to_catalog}</a></p>
        </section>
    }
}
