//! `/map`: every facility on a map (Leaflet, served by us), with this week's sessions, filters,
//! "near me", and the same results as an accessible list. The map itself is drawn by
//! `public/js/map.js` from the container's `data-source`; a filter change loads the page anew.

use cc_domain::FacilityQuery;
use leptos::prelude::*;
use leptos_meta::{Script, Stylesheet, Title};

use crate::components::facility_card::FacilityCard;
use crate::components::facility_filters::FacilityFilters;
use crate::components::status::{ErrorNotice, Loading};
use crate::islands::near_me::NearMe;
use crate::i18n::map_labels;
use crate::pages::facilities::{facilities_resource, use_facility_query};
use crate::prefs::use_prefs;
use crate::public_fns::{load_facets, load_map_settings};

/// The map page.
#[component]
pub fn MapPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || prefs.t();
    let assets = crate::assets::use_assets();
    let parsed = use_facility_query();
    let query = parsed.get_untracked().unwrap_or_default();
    let found = facilities_resource(parsed);
    let facets = Resource::new(|| (), |_| load_facets());
    let settings = Resource::new(|| (), |_| load_map_settings());
    let source = format!("/api/v1/facilities?{}", query.to_query_string());
    let without_near = FacilityQuery { near: None, ..query.clone() };
    let clear_near = format!("/map?{}", without_near.to_query_string());
    let near = query.near.is_some();
    view! {
        <Title text=move || prefs.head_t().map_title/>
        <Stylesheet href=assets.versioned("/vendor/leaflet/leaflet.css")/>
        <Stylesheet href=assets.versioned("/vendor/markercluster/MarkerCluster.css")/>
        <Script src=assets.versioned("/js/map.js") defer="true"/>
        <h1>{move || t().map_title}</h1>
        <Suspense fallback=Loading>
            {move || {
                let query = query.clone();
                Suspend::new(async move { facets.await.ok().map(|facets| view! {
                    <FacilityFilters path="/map" facets query with_category=true/>
                }) })
            }}
        </Suspense>
        <div class="near-me">
            <NearMe query=without_near.to_query_string()/>
            {near.then(|| view! { <a href=clear_near.clone()>{move || t().near_me_clear}</a> })}
        </div>
        <Suspense fallback=Loading>
            {move || {
                let source = source.clone();
                Suspend::new(async move { settings.await.ok().map(|s| view! {
                <div class="map-frame">
                    <p class="notice map-notice" data-cc-map-notice hidden role="status">{move || t().map_offline}</p>
                    <div id="map" class="map" data-cc-map role="region" aria-label=move || t().map_label
                        data-source=source data-demand-source="/api/v1/demands/map" data-heritage-source="/api/v1/heritage/places" data-tile-url=s.tile_url data-attribution=s.attribution
                        data-labels=move || map_labels(prefs.lang())></div>
                </div>
            }) })
            }}
        </Suspense>
        <section aria-labelledby="map-list-heading">
            <h2 id="map-list-heading">{move || t().map_list}</h2>
            <Transition fallback=Loading>
                {move || Suspend::new(async move { match found.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) => view! {
                        <ul class="facility-list" data-testid="map-list">
                            {list.into_iter().map(|facility| view! { <FacilityCard facility/> }).collect_view()}
                        </ul>
                    }.into_any(),
                } })}
            </Transition>
        </section>
    }
}
