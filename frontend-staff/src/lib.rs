//! The staff console's browser entry point: the same start as the residents' bundle; what
//! differs is what is compiled in (the `staff` islands).

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Panic messages in the console while developing; a release bundle is smaller without.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    app::start_islands();
}
