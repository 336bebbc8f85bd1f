//! The search field: a plain GET form; on the catalogue it keeps the filters in force (a new
//! search starts again at page 1) and its results are swapped in without a full page load
//! (see `FilterForm`).

use cc_domain::CatalogQuery;
use leptos::prelude::*;

use crate::prefs::use_prefs;

/// Searches the catalogue; `initial` pre-fills the field with the current search, and the
/// filters of `keep` (not its search, page or cursor) go along with a new one.
#[component]
pub fn SearchBox(
    #[prop(into)] initial: String,
    #[prop(optional)] swap: bool,
    #[prop(default = None)] keep: Option<CatalogQuery>,
) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.t();
    let kept: Vec<_> = keep
        .map(|query| query.to_pairs())
        .unwrap_or_default()
        .into_iter()
        .filter(|(name, _)| !matches!(*name, "q" | "page" | "cursor"))
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect();
    view! {
        <form method="get" action="/catalog" data-swap=swap.then_some("main")>
            {kept}
            <div class="search-box" role="search">
                <label for="search-q" class="visually-hidden">{t.search_label}</label>
                <input id="search-q" type="search" name="q" maxlength="40" value=initial placeholder=t.search_placeholder/>
                <button type="submit">{t.search_button}</button>
            </div>
        </form>
    }
}
