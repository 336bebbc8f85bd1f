//! "Near me" on the map: asks for the resident's position (only after their click, and only
//! the map page's policy allows it), then loads the map sorted by distance.

use leptos::prelude::*;

use crate::i18n::islands::island_strings;
use crate::prefs::use_prefs;

/// Where "near me" stands.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Locating {
    Idle,
    Busy,
    Failed,
}

/// The button; `query` is the map's current filters as a query string (without `near`).
#[island]
pub fn NearMe(query: String) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || island_strings(prefs.lang());
    let locating = RwSignal::new(Locating::Idle);
    let near_me = move |_| {
        locating.set(Locating::Busy);
        let query = query.clone();
        locate(
            move |lat, lng| {
                let near = format!("near={},{}", fixed5(lat), fixed5(lng));
                let url = if query.is_empty() { format!("/map?{near}") } else { format!("/map?{query}&{near}") };
                crate::islands::browser::go_to(&url);
            },
            move || locating.set(Locating::Failed),
        );
    };
    view! {
        <button type="button" data-testid="near-me" on:click=near_me disabled=move || locating.get() == Locating::Busy>
            {move || if locating.get() == Locating::Busy { t().near_me_locating } else { t().near_me }}
        </button>
        {move || (locating.get() == Locating::Failed).then(|| view! {
            <p class="notice notice-error" role="alert">{move || t().near_me_failed}</p>
        })}
    }
}

/// A coordinate with five decimals (about a metre), written without float formatting, which
/// would add kilobytes to the residents' bundle.
fn fixed5(degrees: f64) -> String {
    let scaled = (degrees * 100_000.0).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let abs = scaled.unsigned_abs();
    format!("{sign}{}.{:05}", abs / 100_000, abs % 100_000)
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

#[cfg(test)]
mod tests {
    #[test]
    fn coordinates_keep_five_decimals() {
        assert_eq!(super::fixed5(39.912_345_6), "39.91235");
        assert_eq!(super::fixed5(-0.5), "-0.50000");
        assert_eq!(super::fixed5(116.2), "116.20000");
    }
}
