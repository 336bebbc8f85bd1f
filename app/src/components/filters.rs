//! The catalogue's filters. The URL is their state: every change navigates to a new URL (no
//! full page load once hydrated), and the same form submits as a plain GET before that.

use cc_domain::{CatalogQuery, Sort};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::facet_select::FacetSelect;
use crate::prefs::use_prefs;
use crate::server_fns::Facets;

/// The filter form for `query`, offering the choices in `facets`.
#[component]
pub fn Filters(facets: Facets, #[prop(into)] query: Signal<CatalogQuery>) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || prefs.t();
    let navigate = use_navigate();
    // Applies one change to the current query and goes to page 1 of the new result.
    let change = move |edit: &dyn Fn(&mut CatalogQuery)| {
        let mut next = query.get_untracked();
        edit(&mut next);
        next.page = 1;
        navigate(&format!("/catalog?{}", next.to_query_string()), Default::default());
    };
    let change = StoredValue::new(change);
    let on = move |edit: fn(&mut CatalogQuery, String)| {
        Callback::new(move |value: String| change.with_value(|c| c(&|q| edit(q, value.clone()))))
    };
    let date = move |q: &CatalogQuery, to: bool| {
        let d = if to { q.to } else { q.from };
        d.map(|d| d.to_string()).unwrap_or_default()
    };
    view! {
        <form class="filters" method="get" action="/catalog" aria-label=move || t().filters>
            <input type="hidden" name="q" value=move || query.with(|q| q.q.as_ref().map(|s| s.text().to_string()).unwrap_or_default())/>
            <FacetSelect name="category" label=Signal::derive(move || t().filter_category)
                options=facets.categories selected=Signal::derive(move || query.with(|q| q.category.clone()))
                on_change=on(|q, v| q.category = (!v.is_empty()).then_some(v))/>
            <FacetSelect name="street" label=Signal::derive(move || t().filter_street)
                options=facets.streets selected=Signal::derive(move || query.with(|q| q.street.clone()))
                on_change=on(|q, v| q.street = (!v.is_empty()).then_some(v))/>
            <FacetSelect name="audience" label=Signal::derive(move || t().filter_audience)
                options=facets.audiences selected=Signal::derive(move || query.with(|q| q.audience.clone()))
                on_change=on(|q, v| q.audience = (!v.is_empty()).then_some(v))/>
            <div class="field secondary">
                <label for="filter-from">{move || t().filter_from}</label>
                <input id="filter-from" type="date" name="from"
                    value=move || query.with(|q| date(q, false)) prop:value=move || query.with(|q| date(q, false))
                    on:change=move |ev| on(|q, v| q.from = v.parse().ok()).run(event_target_value(&ev))/>
            </div>
            <div class="field secondary">
                <label for="filter-to">{move || t().filter_to}</label>
                <input id="filter-to" type="date" name="to"
                    value=move || query.with(|q| date(q, true)) prop:value=move || query.with(|q| date(q, true))
                    on:change=move |ev| on(|q, v| q.to = v.parse().ok()).run(event_target_value(&ev))/>
            </div>
            <div class="field field-check">
                <input id="filter-free" type="checkbox" name="free" value="true"
                    checked=move || query.with(|q| q.free_only) prop:checked=move || query.with(|q| q.free_only)
                    on:change=move |ev| on(|q, v| q.free_only = v == "true")
                        .run(event_target_checked(&ev).to_string())/>
                <label for="filter-free">{move || t().filter_free_only}</label>
            </div>
            <div class="field">
                <label for="filter-sort">{move || t().sort_label}</label>
                <select id="filter-sort" name="sort"
                    prop:value=move || query.with(|q| q.sort.as_str())
                    on:change=move |ev| on(|q, v| q.sort = if v == "popular" { Sort::Popular } else { Sort::Date })
                        .run(event_target_value(&ev))>
                    <option value="date" selected=move || query.with(|q| q.sort == Sort::Date)>{move || t().sort_date}</option>
                    <option value="popular" selected=move || query.with(|q| q.sort == Sort::Popular)>{move || t().sort_popular}</option>
                </select>
            </div>
            <div class="filter-actions">
                <button type="submit">{move || t().filter_apply}</button>
                <a href="/catalog">{move || t().filter_reset}</a>
            </div>
        </form>
    }
}
