//! Previous / next links that keep every other filter (swapped in place by `app.js`).

use cc_domain::CatalogQuery;
use leptos::prelude::*;

use crate::i18n::page_of;
use crate::prefs::use_prefs;

/// Links to the neighbouring pages of `query`'s results.
#[component]
pub fn Pagination(query: CatalogQuery, pages: u32) -> impl IntoView {
    let prefs = use_prefs();
    let page = query.page;
    let link = move |p: u32| format!("/catalog?{}", query.with_page(p).to_query_string());
    // From past the end, "previous" is the last page there is.
    let prev = (page > 1).then(|| link((page - 1).min(pages)));
    let next = (page < pages).then(|| link(page + 1));
    view! {
        <nav class="pagination" aria-label=move || prefs.t().pagination data-swap-links="">
            {prev.map(|href| view! { <a rel="prev" href=href>{move || prefs.t().page_prev}</a> })}
            // Past the last page the page itself says so (with a link to the last).
            {(page <= pages).then(|| view! { <span class="page-of">{move || page_of(prefs.lang(), page, pages)}</span> })}
            {next.map(|href| view! { <a rel="next" href=href>{move || prefs.t().page_next}</a> })}
        </nav>
    }
}
