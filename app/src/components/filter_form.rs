//! A filter form: a plain GET form whose URL is the filter state. `public/js/app.js` makes
//! it apply itself on every change (leaving empty fields out of the URL) and, where `swap` is
//! set, swaps the page's main content for the new results without a full page load.

use leptos::prelude::*;

/// The filter form around `children` (its fields). `swap`: replace just `<main>` in place
/// (the catalogue, the facility list); otherwise load the result as a new page (the map,
/// whose drawing belongs to its page).
#[component]
pub fn FilterForm(action: &'static str, label: &'static str, swap: bool, children: Children) -> impl IntoView {
    view! {
        <form class="filters" method="get" action=action aria-label=label data-auto-submit=""
            data-swap=swap.then_some("main")>
            {children()}
        </form>
    }
}
