//! The search field: a plain GET form, so it works before (and without) the WASM bundle.
//! Once hydrated, a search navigates client-side to the URL the same form would have made.

use cc_domain::query::percent_encode;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::prefs::use_prefs;

/// Searches the catalogue; `initial` pre-fills the field with the current search.
#[component]
pub fn SearchBox(#[prop(into)] initial: Signal<String>) -> impl IntoView {
    let prefs = use_prefs();
    let navigate = use_navigate();
    let field = NodeRef::<leptos::html::Input>::new();
    // Our own submit rather than the router's <Form>, which adds the nameless button as a
    // stray `&=` to the URL; a search starts from an unfiltered catalogue, as without WASM.
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = field.get().map(|input| input.value()).unwrap_or_default();
        let text = text.trim();
        let url = if text.is_empty() { "/catalog".to_string() } else { format!("/catalog?q={}", percent_encode(text)) };
        navigate(&url, Default::default());
    };
    view! {
        <form method="get" action="/catalog" on:submit=search>
            <div class="search-box" role="search">
                <label for="search-q" class="visually-hidden">{move || prefs.t().search_label}</label>
                <input
                    id="search-q"
                    node_ref=field
                    type="search"
                    name="q"
                    maxlength="40"
                    prop:value=move || initial.get()
                    value=move || initial.get()
                    placeholder=move || prefs.t().search_placeholder
                />
                <button type="submit">{move || prefs.t().search_button}</button>
            </div>
        </form>
    }
}
