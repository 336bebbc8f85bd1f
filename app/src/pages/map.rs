//! `/map`: every facility on a map (Leaflet, served by us), with this week's sessions, filters,
//! "near me", and the same results as an accessible list. The map itself is drawn by
//! `public/js/map.js`, which follows the `data-source` attribute this page keeps current.

use cc_domain::FacilityQuery;
use leptos::prelude::*;
use leptos_meta::{Script, Stylesheet, Title};
use leptos_router::hooks::use_navigate;

use crate::components::facility_card::FacilityCard;
use crate::components::facility_filters::FacilityFilters;
use crate::components::status::{ErrorNotice, Loading};
use crate::i18n::map_labels;
use crate::pages::facilities::{facilities_resource, use_facility_query};
use crate::prefs::use_prefs;
use crate::server_fns::{load_facets, load_map_settings};

/// Where "near me" stands.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Locating {
    Idle,
    Busy,
    Failed,
}

/// The map page.
#[component]
pub fn MapPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || prefs.t();
    let parsed = use_facility_query();
    let query = Signal::derive(move || parsed.get().unwrap_or_default());
    let found = facilities_resource(parsed);
    let facets = Resource::new(|| (), |_| load_facets());
    let settings = Resource::new(|| (), |_| load_map_settings());
    let source = move || format!("/api/v1/facilities?{}", query.with(FacilityQuery::to_query_string));
    let locating = RwSignal::new(Locating::Idle);
    let navigate = use_navigate();
    let near_me = move |_| {
        locating.set(Locating::Busy);
        let navigate = navigate.clone();
        locate(
            move |lat, lng| {
                locating.set(Locating::Idle);
                let mut next = query.get_untracked();
                next.near = Some(cc_domain::LatLng { lat, lng });
                navigate(&format!("/map?{}", next.to_query_string()), Default::default());
            },
            move || locating.set(Locating::Failed),
        );
    };
    let clear_near = move || {
        let mut q = query.get();
        q.near = None;
        format!("/map?{}", q.to_query_string())
    };
    view! {
        <Title text=move || prefs.head_t().map_title/>
        <Stylesheet href="/vendor/leaflet/leaflet.css"/>
        <Stylesheet href="/vendor/markercluster/MarkerCluster.css"/>
        <Script src="/js/map.js" defer="true"/>
        <h1>{move || t().map_title}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { facets.await.ok().map(|facets| view! {
                <FacilityFilters path="/map" facets query with_category=true/>
            }) })}
        </Suspense>
        <div class="near-me">
            <button type="button" data-testid="near-me" on:click=near_me
                disabled=move || locating.get() == Locating::Busy>
                {move || if locating.get() == Locating::Busy { t().near_me_locating } else { t().near_me }}
            </button>
            {move || query.with(|q| q.near.is_some()).then(|| view! {
                <a href=clear_near>{move || t().near_me_clear}</a>
            })}
            {move || (locating.get() == Locating::Failed).then(|| view! {
                <p class="notice notice-error" role="alert">{move || t().near_me_failed}</p>
            })}
        </div>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { settings.await.ok().map(|s| view! {
                <div class="map-frame">
                    <p class="notice map-notice" data-cc-map-notice hidden role="status">{move || t().map_offline}</p>
                    <div id="map" class="map" data-cc-map role="region" aria-label=move || t().map_label
                        data-source=source data-tile-url=s.tile_url data-attribution=s.attribution
                        data-labels=move || map_labels(prefs.lang())></div>
                </div>
            }) })}
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

/// Asks the browser for the resident's position (only ever in the browser, after a click).
#[cfg(feature = "hydrate")]
fn locate(found: impl FnOnce(f64, f64) + 'static, failed: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    let Some(geolocation) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        failed();
        return;
    };
    let number = |v: &JsValue, key: &str| js_sys::Reflect::get(v, &key.into()).ok().and_then(|n| n.as_f64());
    let failed = std::rc::Rc::new(std::cell::Cell::new(Some(failed)));
    let (failed_too, failed_on_error) = (failed.clone(), failed.clone());
    let on_position = Closure::once_into_js(move |position: JsValue| {
        let coords = js_sys::Reflect::get(&position, &"coords".into()).unwrap_or(JsValue::NULL);
        match (number(&coords, "latitude"), number(&coords, "longitude")) {
            (Some(lat), Some(lng)) => found(lat, lng),
            _ => {
                if let Some(f) = failed_too.take() {
                    f()
                }
            }
        }
    });
    let on_error = Closure::once_into_js(move |_: JsValue| {
        if let Some(f) = failed_on_error.take() {
            f()
        }
    });
    if geolocation
        .get_current_position_with_error_callback(on_position.unchecked_ref(), Some(on_error.unchecked_ref()))
        .is_err()
    {
        // The error callback is not called when the request itself is refused.
        if let Some(f) = failed.take() {
            f()
        }
    }
}

#[cfg(not(feature = "hydrate"))]
fn locate(_found: impl FnOnce(f64, f64) + 'static, failed: impl FnOnce() + 'static) {
    failed();
}
