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

/// Tells every island on the page that `event` happened (a window event).
pub fn announce(event: &str) {
    #[cfg(feature = "hydrate")]
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(event)) {
        let _ = window.dispatch_event(&event);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = event;
}

/// Calls `then` whenever [`announce`] tells of `event` (in the browser; never on the server).
pub fn on_announced(event: &'static str, then: impl Fn() + 'static) {
    #[cfg(feature = "hydrate")]
    {
        let handle = leptos::prelude::window_event_listener_untyped(event, move |_| then());
        // The listener lives as long as the page: islands are never unmounted.
        std::mem::forget(handle);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (event, then);
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
