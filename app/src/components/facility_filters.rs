//! Filters for facility lists and the map; the URL is their state, as in the catalogue.

use cc_domain::{FacilityLevel, FacilityQuery, Locale, Named};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::facet_select::FacetSelect;
use crate::i18n::level_name;
use crate::prefs::use_prefs;
use crate::server_fns::Facets;

/// The three levels as choices, named in both languages.
fn level_choices() -> Vec<Named> {
    [FacilityLevel::District, FacilityLevel::Street, FacilityLevel::Community]
        .into_iter()
        .map(|l| Named {
            slug: l.as_str().into(),
            name: level_name(Locale::Zh, l).into(),
            name_en: level_name(Locale::En, l).into(),
        })
        .collect()
}

fn non_empty(v: String) -> Option<String> {
    (!v.is_empty()).then_some(v)
}

/// Level, street and (on the map) category filters, plus a text search on the list page.
#[component]
pub fn FacilityFilters(
    /// The page the filters navigate to (`/facilities` or `/map`).
    path: &'static str,
    facets: Facets,
    #[prop(into)] query: Signal<FacilityQuery>,
    #[prop(optional)] with_category: bool,
    #[prop(optional)] with_search: bool,
) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || prefs.t();
    let navigate = use_navigate();
    let change = StoredValue::new(move |edit: &dyn Fn(&mut FacilityQuery)| {
        let mut next = query.get_untracked();
        edit(&mut next);
        navigate(&format!("{path}?{}", next.to_query_string()), Default::default());
    });
    let on = move |edit: fn(&mut FacilityQuery, String)| {
        Callback::new(move |value: String| change.with_value(|c| c(&|q| edit(q, value.clone()))))
    };
    view! {
        <form class="filters" method="get" action=path aria-label=move || t().filters>
            {with_search.then(|| view! {
                <div class="field field-wide">
                    <label for="filter-q">{move || t().search_facilities}</label>
                    <input id="filter-q" type="search" name="q" maxlength="40"
                        value=move || query.with(|q| q.q.clone().unwrap_or_default())
                        on:change=move |ev| on(|q, v| q.q = (!v.trim().is_empty()).then(|| v.trim().to_lowercase()))
                            .run(event_target_value(&ev))/>
                </div>
            })}
            <FacetSelect name="level" label=Signal::derive(move || t().filter_level)
                options=level_choices()
                selected=Signal::derive(move || query.with(|q| q.level.map(|l| l.as_str().to_string())))
                on_change=on(|q, v| q.level = FacilityLevel::parse(&v))/>
            <FacetSelect name="street" label=Signal::derive(move || t().filter_street)
                options=facets.streets selected=Signal::derive(move || query.with(|q| q.street.clone()))
                on_change=on(|q, v| q.street = non_empty(v))/>
            {with_category.then(|| view! {
                <FacetSelect name="category" label=Signal::derive(move || t().filter_category)
                    options=facets.categories.clone() selected=Signal::derive(move || query.with(|q| q.category.clone()))
                    on_change=on(|q, v| q.category = non_empty(v))/>
            })}
            {move || query.with(|q| q.near.map(|p| view! {
                <input type="hidden" name="near" value=format!("{:.5},{:.5}", p.lat, p.lng)/>
            }))}
            <div class="filter-actions">
                <button type="submit">{move || t().filter_apply}</button>
                <a href=path>{move || t().filter_reset}</a>
            </div>
        </form>
    }
}
