//! The catalogue's filters. The URL is their state: the form goes to `/catalog?…`, applying
//! itself on every change without a full page load (see `FilterForm`).

use cc_domain::{CatalogQuery, Sort};
use leptos::prelude::*;

use crate::components::facet_select::FacetSelect;
use crate::components::filter_form::FilterForm;
use crate::prefs::use_prefs;
use crate::public_fns::Facets;

/// The filter form for `query`, offering the choices in `facets`.
#[component]
pub fn Filters(facets: Facets, query: CatalogQuery) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.t();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let search = query.q.as_ref().map(|s| s.text().to_string()).unwrap_or_default();
    let active = [
        query.category.is_some(),
        query.street.is_some(),
        query.audience.is_some(),
        query.from.is_some(),
        query.to.is_some(),
        query.free_only,
        query.sort != Sort::Date,
    ]
    .into_iter()
    .filter(|set| *set)
    .count();
    view! {
        <FilterForm action="/catalog" label=t.filters swap=true sheet=Some(active)>
            <input type="hidden" name="q" value=search/>
            <FacetSelect name="category" label=t.filter_category options=facets.categories selected=query.category.clone()/>
            <FacetSelect name="street" label=t.filter_street options=facets.streets selected=query.street.clone()/>
            <FacetSelect name="audience" label=t.filter_audience options=facets.audiences selected=query.audience.clone()/>
            <div class="field secondary">
                <label for="filter-from">{t.filter_from}</label>
                <input id="filter-from" type="date" name="from" value=date(query.from)/>
            </div>
            <div class="field secondary">
                <label for="filter-to">{t.filter_to}</label>
                <input id="filter-to" type="date" name="to" value=date(query.to)/>
            </div>
            <div class="field field-check">
                <input id="filter-free" type="checkbox" name="free" value="true" checked=query.free_only/>
                <label for="filter-free">{t.filter_free_only}</label>
            </div>
            <div class="field">
                <label for="filter-sort">{t.sort_label}</label>
                <select id="filter-sort" name="sort">
                    <option value="date" selected=query.sort == Sort::Date>{t.sort_date}</option>
                    <option value="popular" selected=query.sort == Sort::Popular>{t.sort_popular}</option>
                </select>
            </div>
            <div class="filter-actions">
                <button type="submit">{t.filter_apply}</button>
                <a href="/catalog">{t.filter_reset}</a>
            </div>
        </FilterForm>
    }
}
