//! The few things islands ask of the browser directly. On the server they do nothing: islands
//! only call them from event handlers, which never run there.

/// Loads `path` as a new page (a full load, so every part of it is rendered anew).
pub fn go_to(path: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(path);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}

/// Loads the current page again.
pub fn reload() {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Whether the browser believes it is offline (so a failed request can say why).
pub fn offline() -> bool {
    #[cfg(feature = "hydrate")]
    return web_sys::window().is_some_and(|w| !w.navigator().on_line());
    #[cfg(not(feature = "hydrate"))]
    return false;
}

/// Adds or removes `class` on the first element matching `selector`.
pub fn set_class(selector: &str, class: &str, on: bool) {
    #[cfg(feature = "hydrate")]
    if let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten()) {
        let _ = element.class_list().toggle_with_force(class, on);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (selector, class, on);
}
