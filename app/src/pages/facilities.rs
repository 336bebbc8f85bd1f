//! `/facilities`: the district's cultural venues by street and level, with search.

use cc_domain::FacilityQuery;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::facility_card::FacilityCard;
use crate::components::facility_filters::FacilityFilters;
use crate::components::status::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::prefs::use_prefs;
use crate::public_fns::{load_facets, load_facilities};

/// Parses the page's URL into a facility query (shared by the list and the map).
pub fn use_facility_query() -> Memo<Result<FacilityQuery, cc_domain::ParamError>> {
    let params = use_query_map();
    let parsed = Memo::new(move |_| {
        params.with(|p| FacilityQuery::parse(p.latest_values().map(|(k, v)| (k.as_ref(), v))))
    });
    #[cfg(feature = "ssr")]
    if parsed.get_untracked().is_err() {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(http::StatusCode::BAD_REQUEST);
        }
    }
    parsed
}

/// Loads the facilities for a parsed query; a bad query becomes the error it is.
pub fn facilities_resource(
    parsed: Memo<Result<FacilityQuery, cc_domain::ParamError>>,
) -> Resource<Result<Vec<cc_domain::FacilitySummary>, AppError>> {
    Resource::new(
        move || parsed.get(),
        |parsed| async move {
            match parsed {
                Ok(q) => load_facilities(q.to_query_string()).await,
                Err(e) => Err(AppError::BadParam(e)),
            }
        },
    )
}

/// The list page.
#[component]
pub fn FacilitiesPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || prefs.t();
    let parsed = use_facility_query();
    let query = parsed.get_untracked().unwrap_or_default();
    let found = facilities_resource(parsed);
    let facets = Resource::new(|| (), |_| load_facets());
    view! {
        <Title text=move || prefs.head_t().facilities_title/>
        <h1>{move || t().facilities_title}</h1>
        <p><a href="/map">{move || t().nav_map}</a></p>
        <Suspense fallback=Loading>
            {move || {
                let query = query.clone();
                Suspend::new(async move { facets.await.ok().map(|facets| view! {
                    <FacilityFilters path="/facilities" facets query with_search=true/>
                }) })
            }}
        </Suspense>
        <Transition fallback=Loading>
            {move || Suspend::new(async move { match found.await {
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
                Ok(list) => view! {
                    <p class="results-count" role="status" data-testid="facility-count">
                        {let n = list.len(); move || crate::i18n::results_count(prefs.lang(), n as u64)}
                    </p>
                    <ul class="facility-list" data-testid="facilities">
                        {list.into_iter().map(|facility| view! { <FacilityCard facility/> }).collect_view()}
                    </ul>
                }.into_any(),
            } })}
        </Transition>
    }
}
