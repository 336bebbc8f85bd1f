//! The residents' browser entry point: starts the islands of the page the server rendered.
//! Only the residents' islands are compiled in; the console's live in `frontend-staff`.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Panic messages in the console while developing; a release bundle is smaller without.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    app::start_islands();
}
