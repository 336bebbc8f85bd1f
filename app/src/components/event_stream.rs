//! Following a Server-Sent Events stream from a page: the browser's `EventSource` reconnects by
//! itself (the server asks for two seconds); the page is told each message and how the
//! connection is doing. Nothing polls.

use leptos::prelude::*;

/// How a stream's connection is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Connecting,
    Live,
    /// Dropped; the browser is trying again.
    Reconnecting,
    /// Given up: the server refused (a login expired, say).
    Closed,
}

/// Follows the named `event` of the stream at `url` while the calling component lives;
/// `on_message` gets each message's data. Returns the connection's state. Only the browser
/// connects: the server renders `Connecting`, and so does the browser until the stream opens.
pub fn follow_stream(
    url: &'static str,
    event: &'static str,
    on_message: impl Fn(String) + 'static,
) -> ReadSignal<Link> {
    let (link, set_link) = signal(Link::Connecting);
    #[cfg(feature = "hydrate")]
    {
        let mut on_message = Some(on_message);
        Effect::new(move |_| {
            if let Some(on_message) = on_message.take() {
                if let Some(source) = connect(url, event, on_message, set_link) {
                    let source = StoredValue::new_local(source);
                    on_cleanup(move || source.with_value(|s| s.close()));
                }
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (url, event, on_message, set_link);
    link
}

#[cfg(feature = "hydrate")]
fn connect(
    url: &str,
    event: &str,
    on_message: impl Fn(String) + 'static,
    set_link: WriteSignal<Link>,
) -> Option<web_sys::EventSource> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{EventSource, MessageEvent};
    let Ok(source) = EventSource::new(url) else {
        set_link.set(Link::Closed);
        return None;
    };
    let message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        set_link.try_set(Link::Live);
        if let Some(text) = e.data().as_string() {
            on_message(text);
        }
    });
    let _ = source.add_event_listener_with_callback(event, message.as_ref().unchecked_ref());
    let open = Closure::<dyn Fn()>::new(move || {
        set_link.try_set(Link::Live);
    });
    source.set_onopen(Some(open.as_ref().unchecked_ref()));
    let watched = source.clone();
    let error = Closure::<dyn Fn()>::new(move || {
        let closed = watched.ready_state() == EventSource::CLOSED;
        set_link.try_set(if closed { Link::Closed } else { Link::Reconnecting });
    });
    source.set_onerror(Some(error.as_ref().unchecked_ref()));
    // The handlers must outlive this function; a page has one stream, so leaking them is fine.
    message.forget();
    open.forget();
    error.forget();
    Some(source)
}
