//! The search field: a plain GET form, so it works before (and without) the WASM bundle.

use leptos::prelude::*;
use leptos_router::components::Form;

use crate::prefs::use_prefs;

/// Searches the catalogue; `initial` pre-fills the field with the current search.
#[component]
pub fn SearchBox(#[prop(into)] initial: Signal<String>) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <Form method="GET" action="/catalog">
            <div class="search-box" role="search">
                <label for="search-q" class="visually-hidden">{move || prefs.t().search_label}</label>
                <input
                    id="search-q"
                    type="search"
                    name="q"
                    maxlength="40"
                    prop:value=move || initial.get()
                    value=move || initial.get()
                    placeholder=move || prefs.t().search_placeholder
                />
                <button type="submit">{move || prefs.t().search_button}</button>
            </div>
        </Form>
    }
}
