//! Filters for facility lists and the map; the URL is their state, as in the catalogue.

use cc_domain::{FacilityLevel, FacilityQuery, Locale, Named};
use leptos::prelude::*;

use crate::components::facet_select::FacetSelect;
use crate::i18n::level_name;
use crate::components::filter_form::FilterForm;
use crate::prefs::use_prefs;
use crate::public_fns::Facets;

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

/// Level, street and (on the map) category filters, plus a text search on the list page. On
/// the map a change loads the page anew, which redraws the map.
#[component]
pub fn FacilityFilters(
    /// The page the filters go to (`/facilities` or `/map`).
    path: &'static str,
    facets: Facets,
    query: FacilityQuery,
    #[prop(optional)] with_category: bool,
    #[prop(optional)] with_search: bool,
) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.t();
    // The map folds its filters away on a phone, so the map itself comes first.
    let active = [query.level.is_some(), query.street.is_some(), query.category.is_some()].into_iter().filter(|s| *s).count();
    view! {
        <FilterForm action=path label=t.filters swap=!with_category sheet=with_category.then_some(active)>
            {with_search.then(|| view! {
                <div class="field field-wide">
                    <label for="filter-q">{t.search_facilities}</label>
                    <input id="filter-q" type="search" name="q" maxlength="40" value=query.q.clone().unwrap_or_default()/>
                </div>
            })}
            <FacetSelect name="level" label=t.filter_level options=level_choices()
                selected=query.level.map(|l| l.as_str().to_string())/>
            <FacetSelect name="street" label=t.filter_street options=facets.streets selected=query.street.clone()/>
            {with_category.then(|| view! {
                <FacetSelect name="category" label=t.filter_category options=facets.categories.clone()
                    selected=query.category.clone()/>
            })}
            {query.near.map(|p| view! {
                <input type="hidden" name="near" value=format!("{:.5},{:.5}", p.lat, p.lng)/>
            })}
            <div class="filter-actions">
                <button type="submit">{t.filter_apply}</button>
                <a href=path>{t.filter_reset}</a>
            </div>
        </FilterForm>
    }
}
