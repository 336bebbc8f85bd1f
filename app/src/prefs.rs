//! A resident's interface preferences — language and elder mode (长辈版) — remembered in
//! cookies, so the server renders the right page before any WASM runs and nothing flickers.

use cc_domain::Locale;
use leptos::prelude::*;

use crate::i18n::{strings, Strings};

const LANG_COOKIE: &str = "cc_lang";
const ELDER_COOKIE: &str = "cc_elder";

/// The preferences as reactive state, provided once by the app shell.
#[derive(Clone, Copy)]
pub struct Prefs {
    pub locale: RwSignal<Locale>,
    pub elder: RwSignal<bool>,
    /// The language this page was requested in: a plain value for what is rendered into
    /// `<head>`, which the server assembles after the page's reactive graph may be gone.
    #[cfg_attr(not(feature = "ssr"), allow(dead_code))]
    requested: Locale,
}

impl Prefs {
    /// The phrases for the current language (tracks the locale signal).
    pub fn t(&self) -> &'static Strings {
        strings(self.lang())
    }

    /// The current language (tracked). On the server, `<head>` content such as the title is
    /// rendered after the page's reactive owner may be gone; the default then stands in rather
    /// than a panic that would drop the response.
    pub fn lang(&self) -> Locale {
        self.locale.try_get().unwrap_or_default()
    }

    /// The language for `<title>`, `<meta>` and `<html lang>`. On the server that is the
    /// requested language, read without touching any signal; in the browser it follows the
    /// locale signal, so switching language retitles the page.
    pub fn head_lang(&self) -> Locale {
        #[cfg(feature = "ssr")]
        return self.requested;
        #[cfg(not(feature = "ssr"))]
        return self.lang();
    }

    /// The phrases for `<head>` content (see [`Prefs::head_lang`]).
    pub fn head_t(&self) -> &'static Strings {
        strings(self.head_lang())
    }

    /// Switches between Chinese and English and remembers the choice; the page is then
    /// loaded again, since the server renders it in its language.
    pub fn toggle_locale(&self) {
        let next = match self.locale.get_untracked() {
            Locale::Zh => Locale::En,
            Locale::En => Locale::Zh,
        };
        self.locale.set(next);
        remember(LANG_COOKIE, next.tag());
    }

    /// Turns elder mode on or off and remembers the choice.
    pub fn toggle_elder(&self) {
        let on = !self.elder.get_untracked();
        self.elder.set(on);
        remember(ELDER_COOKIE, if on { "1" } else { "0" });
    }
}

/// Reads `(locale, elder)` from a `Cookie` header value.
pub fn parse_cookies(header: &str) -> (Locale, bool) {
    let mut locale = Locale::Zh;
    let mut elder = false;
    for pair in header.split(';') {
        match pair.trim().split_once('=') {
            Some((LANG_COOKIE, v)) => locale = Locale::from_tag(v),
            Some((ELDER_COOKIE, v)) => elder = v == "1",
            _ => {}
        }
    }
    (locale, elder)
}

/// Creates the preferences from this request's cookies (server) or the document's (browser);
/// both read the same cookies, so hydration sees what the server rendered.
pub fn provide_prefs() -> Prefs {
    let (locale, elder) = parse_cookies(&cookie_header());
    let prefs = Prefs { locale: RwSignal::new(locale), elder: RwSignal::new(elder), requested: locale };
    provide_context(prefs);
    prefs
}

/// The preferences provided by the app shell — or, inside an island in the browser (which
/// sees no context of the server's), read from the same cookies and provided for its children.
pub fn use_prefs() -> Prefs {
    use_context::<Prefs>().unwrap_or_else(provide_prefs)
}

#[cfg(feature = "ssr")]
fn cookie_header() -> String {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.headers.get(http::header::COOKIE)?.to_str().ok().map(String::from))
        .unwrap_or_default()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn cookie_header() -> String {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.cookie().ok())
        .unwrap_or_default()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn cookie_header() -> String {
    String::new()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn remember(name: &str, value: &str) {
    use wasm_bindgen::JsCast;
    if let Some(doc) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    {
        // A year; Lax is enough for a preference that carries no authority.
        let _ = doc.set_cookie(&format!("{name}={value}; Path=/; Max-Age=31536000; SameSite=Lax"));
    }
}

#[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
fn remember(_name: &str, _value: &str) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_choose_language_and_elder_mode() {
        assert_eq!(parse_cookies(""), (Locale::Zh, false));
        assert_eq!(parse_cookies("a=b; cc_lang=en; cc_elder=1"), (Locale::En, true));
        assert_eq!(parse_cookies("cc_lang=zh-CN;cc_elder=0"), (Locale::Zh, false));
    }
}
