//! The browser entry point: hydrates the page the server rendered.

use wasm_bindgen::JsCast;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Tells browser tests (and curious people) that the page is now interactive.
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.unchecked_ref::<web_sys::Element>().set_attribute("data-hydrated", "true");
    }
}
