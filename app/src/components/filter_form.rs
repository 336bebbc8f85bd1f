//! A filter form: a plain GET form whose URL is the filter state. `public/js/app.js` makes
//! it apply itself on every change (leaving empty fields out of the URL) and, where `swap` is
//! set, swaps the page's main content for the new results without a full page load.

use leptos::prelude::*;

use crate::prefs::use_prefs;

/// The filter form around `children` (its fields). `swap`: replace just `<main>` in place
/// (the catalogue, the facility list); otherwise load the result as a new page (the map,
/// whose drawing belongs to its page). `sheet`: on a phone the fields fold away behind a
/// 筛选 button that says how many are set (the results come first); wider screens show them.
#[component]
pub fn FilterForm(
    action: &'static str,
    label: &'static str,
    swap: bool,
    #[prop(default = None)] sheet: Option<usize>,
    children: Children,
) -> impl IntoView {
    let form = view! {
        <form class="filters" method="get" action=action aria-label=label data-auto-submit=""
            data-swap=swap.then_some("main")>
            {children()}
        </form>
    };
    match sheet {
        None => form.into_any(),
        Some(active) => {
            let prefs = use_prefs();
            let t = prefs.t();
            let count = match active {
                0 => String::new(),
                n if prefs.lang() == cc_domain::Locale::Zh => format!("（{n}）"),
                n => format!(" ({n})"),
            };
            // The id lets app.js keep the sheet open when the results are swapped in.
            view! {
                <details class="filter-sheet" id="filter-sheet">
                    <summary data-testid="filter-toggle">{t.filter_sheet}{count}</summary>
                    {form}
                </details>
            }
            .into_any()
        }
    }
}
