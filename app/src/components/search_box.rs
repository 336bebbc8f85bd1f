//! The search field: a plain GET form (its URL carries only `q`); on the catalogue its
//! results are swapped in without a full page load (see `FilterForm`).

use leptos::prelude::*;

use crate::prefs::use_prefs;

/// Searches the catalogue; `initial` pre-fills the field with the current search.
#[component]
pub fn SearchBox(#[prop(into)] initial: String, #[prop(optional)] swap: bool) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.t();
    view! {
        <form method="get" action="/catalog" data-swap=swap.then_some("main")>
            <div class="search-box" role="search">
                <label for="search-q" class="visually-hidden">{t.search_label}</label>
                <input id="search-q" type="search" name="q" maxlength="40" value=initial placeholder=t.search_placeholder/>
                <button type="submit">{t.search_button}</button>
            </div>
        </form>
    }
}
