//! `/catalog`: the public cultural service catalogue, searched and filtered through the URL.

use cc_domain::CatalogQuery;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::filters::Filters;
use crate::components::item_card::ItemCard;
use crate::components::pagination::Pagination;
use crate::components::search_box::SearchBox;
use crate::components::status::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::i18n::{go_to_last_page, past_last_page, results_count};
use crate::prefs::use_prefs;
use crate::public_fns::{load_facets, search_catalog};

/// The catalogue page.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || prefs.t();
    let params = use_query_map();
    // The URL parsed once; the same parser runs again on the server, which trusts nothing sent.
    let parsed = Memo::new(move |_| {
        params.with(|p| CatalogQuery::parse(p.latest_values().map(|(k, v)| (k.as_ref(), v))))
    });
    #[cfg(feature = "ssr")]
    if parsed.get_untracked().is_err() {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(http::StatusCode::BAD_REQUEST);
        }
    }
    let query = parsed.get_untracked().unwrap_or_default();
    let results = Resource::new(
        move || parsed.get(),
        |parsed| async move {
            match parsed {
                Ok(q) => search_catalog(q.to_query_string()).await,
                Err(e) => Err(AppError::BadParam(e)),
            }
        },
    );
    let facets = Resource::new(|| (), |_| load_facets());
    let search_text = query.q.as_ref().map(|s| s.text().to_string()).unwrap_or_default();
    view! {
        <Title text=move || prefs.head_t().catalog_title/>
        <h1>{move || t().catalog_title}</h1>
        <SearchBox initial=search_text swap=true keep=parsed.get_untracked().ok()/>
        <Suspense fallback=Loading>
            {move || {
                let query = query.clone();
                Suspend::new(async move { facets.await.ok().map(|facets| view! { <Filters facets query/> }) })
            }}
        </Suspense>
        <Transition fallback=Loading>
            {move || Suspend::new(async move { match results.await {
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
                Ok(page) => {
                    let pages = page.page_count();
                    let total = page.total;
                    let empty = page.items.is_empty();
                    let this_query = parsed.get_untracked().unwrap_or_default();
                    view! {
                        <p class="results-count" role="status" data-testid="results-count">
                            {move || results_count(prefs.lang(), total)}
                        </p>
                        {match (empty, total > 0) {
                            // A page number past the end (a stale link): the results exist.
                            (true, true) => {
                                let last = format!("/catalog?{}", this_query.with_page(pages).to_query_string());
                                Some(view! {
                                    <p class="empty" data-testid="past-last-page">
                                        {move || past_last_page(prefs.lang(), total, pages)}" "
                                        <a href=last>{move || go_to_last_page(prefs.lang(), pages)}</a>
                                    </p>
                                }.into_any())
                            }
                            (true, false) => Some(view! { <p class="empty">{move || t().no_results}</p> }.into_any()),
                            _ => None,
                        }}
                        <ul class="item-list" data-testid="results">
                            {page.items.into_iter().map(|item| view! { <ItemCard item/> }).collect_view()}
                        </ul>
                        <Pagination query=parsed.get_untracked().unwrap_or_default() pages/>
                    }.into_any()
                }
            } })}
        </Transition>
    }
}
